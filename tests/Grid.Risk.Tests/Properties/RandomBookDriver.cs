using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Ledger;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests.Properties;

/// <summary>
/// Drives an account book with random orders, cancels, partial fills, deposits, withdrawals and regime
/// switches, changing it through the calls the account grain makes: resting orders by
/// <see cref="AccountBook.AddOrder"/> and <see cref="AccountBook.SetOrderQty"/>, fills by
/// <see cref="FillSettlement"/>, treasury movements by <see cref="BalanceRules"/>, on a decimal ledger.
/// </summary>
internal sealed class RandomBookDriver(RiskModel model, Random random, MemoryLedger ledger)
{
    public RestingOrder RandomOrder()
    {
        var risk = model.Instruments[random.Next(model.Instruments.Length)];
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var qty = risk.Kind switch
        {
            _ when risk.Kind.IsOption() => Math.Round(1 + random.NextDouble() * 30, 1),
            InstrumentKind.InversePerp or InstrumentKind.InverseFuture => Math.Round(1000 + random.NextDouble() * 500_000),
            _ when risk.Kind.IsCash() => Math.Round(0.01 + random.NextDouble() * 20 * (risk.Mark > 1000 ? 1 : 100), 3),
            _ => Math.Round(0.01 + random.NextDouble() * 40 / Math.Max(1, risk.Multiplier), 3),
        };
        var price = risk.Mark * (1 + (random.NextDouble() - 0.5) * 0.04);
        return new RestingOrder(risk.Spec.Id, side, qty, Math.Round(price, risk.Mark < 1 ? 6 : 2), $"o{random.Next()}");
    }

    /// <summary>Applies one random operation; returns a label for failure messages.</summary>
    public string Step(AccountBook book)
    {
        var roll = random.Next(100);
        if (roll < 40 || book.RestingOrderCount == 0)
        {
            var o = RandomOrder();
            book.AddOrder(o);
            return $"add {o}";
        }

        var k = random.Next(book.RestingOrderCount);
        var order = book.OrderAt(k);
        if (roll < 55)
        {
            var qty = random.Next(2) == 0 ? order.Qty : order.Qty * random.NextDouble();
            book.SetOrderQty(k, Math.Max(0, order.Qty - qty));
            return $"cancel {qty} of {order}";
        }

        if (roll < 85)
        {
            return Fill(book, k, order);
        }

        if (roll < 97)
        {
            return Treasury(book);
        }

        var regime = book.Regime == MarginRegime.Pm ? MarginRegime.Std : MarginRegime.Pm;
        book.SetRegime(regime);
        return $"regime {regime}";
    }

    private string Fill(AccountBook book, int k, RestingOrder order)
    {
        var qty = random.Next(3) == 0 ? order.Qty : Math.Round(order.Qty * random.NextDouble(), 6);
        if (qty <= 0)
        {
            return "noop";
        }

        var spec = model.Instrument(order.Instrument).Spec;
        var fee = spec.Kind.IsInverse() ? 0m : Math.Round((decimal)qty * (decimal)order.Price * 0.0001m, 8);
        var refused = FillSettlement.Book(ledger, book, model, spec, new FillTerms(order.Side, (decimal)qty, (decimal)order.Price, fee));
        if (refused.Refused)
        {
            return $"fill {qty} of {order} refused: {refused}";
        }

        book.SetOrderQty(k, qty >= order.Qty ? 0 : order.Qty - qty);
        return $"fill {qty} of {order}";
    }

    private string Treasury(AccountBook book)
    {
        var asset = model.Assets[random.Next(model.Assets.Length)];
        if (double.IsNaN(asset.Price))
        {
            return "noop";
        }

        var amount = Math.Round((decimal)((random.NextDouble() - 0.4) * 100_000 / asset.Price), 8);
        if (amount > 0)
        {
            return $"deposit {amount} {asset.Rule.Name}: {BalanceRules.Deposit(ledger, book, model, asset.Rule.Name, amount)}";
        }

        return amount < 0 ? $"withdraw {-amount} {asset.Rule.Name}: {BalanceRules.Withdraw(ledger, book, asset.Rule.Name, -amount, frozen: false).Reason}" : "noop";
    }
}

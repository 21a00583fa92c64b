using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests.Properties;

/// <summary>Drives an account book with random orders, cancels, partial fills, deposits and regime switches.</summary>
internal sealed class RandomBookDriver(RiskModel model, Random random)
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
            book.ReduceOrder(k, qty);
            return $"cancel {qty} of {order}";
        }

        if (roll < 85)
        {
            var qty = random.Next(3) == 0 ? order.Qty : Math.Round(order.Qty * random.NextDouble(), 6);
            if (qty <= 0)
            {
                return "noop";
            }

            book.ApplyFill(order.Instrument, order.Side, qty, order.Price, fee: qty * order.Price * 1e-4 * (order.Instrument.Contains("INV") ? 0 : 1));
            book.ReduceOrder(k, qty);
            return $"fill {qty} of {order}";
        }

        if (roll < 97)
        {
            var asset = model.Assets[random.Next(model.Assets.Length)];
            if (double.IsNaN(asset.Price))
            {
                return "noop";
            }

            var amount = (random.NextDouble() - 0.4) * 100_000 / asset.Price;
            book.Deposit(asset.Rule.Name, amount);
            return $"deposit {amount} {asset.Rule.Name}";
        }

        var regime = book.Regime == MarginRegime.Pm ? MarginRegime.Std : MarginRegime.Pm;
        book.SetRegime(regime);
        return $"regime {regime}";
    }
}

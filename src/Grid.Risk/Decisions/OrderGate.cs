using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;

namespace Grid.Risk.Decisions;

/// <summary>
/// The one pre-trade decision of the grid: the policy gates in a fixed order, then the margin test
/// of <see cref="AccountBook.Check(int, Side, double, double)"/> (Rulebook §3.8). A new order, an
/// amendment re-checked as new, a what-if order and every size probed by <see cref="MaxOrderSize"/>
/// all pass through here, so none of them can disagree. Allocation-free: the caller resolves the
/// instrument and passes its limits as plain data.
/// </summary>
/// <remarks>
/// Gate order: frozen account, halted instrument, resting-order cap, order terms, the reduce-only
/// flag, price band, per-order notional (the instrument's maximum, then the grid's 1e15 USD), position
/// (the instrument's maximum, then the grid's 1e15 USD; both skipped for an order that only reduces),
/// stale prices (skipped for an order that only reduces), then the margin test.
/// </remarks>
public static class OrderGate
{
    /// <summary>Decides <paramref name="order"/> on <paramref name="book"/> without changing it.</summary>
    public static PreTradeResult Check(AccountBook book, in OrderTerms order, in TradingLimits limits, in AccountControls account)
    {
        if (account.Frozen)
        {
            return Refused(RejectReason.AccountFrozen);
        }

        if (limits.Halted)
        {
            return Refused(RejectReason.InstrumentHalted);
        }

        if (account.MaxOpenOrders > 0 && book.RestingOrderCount >= account.MaxOpenOrders)
        {
            return Refused(RejectReason.MaxOpenOrders);
        }

        var (instrument, side, qty, price) = (order.Instrument, order.Side, order.Qty, order.Price);
        if ((uint)instrument >= (uint)book.Model.Instruments.Length
            || side is not (Side.Buy or Side.Sell) || !(qty > 0) || !double.IsFinite(qty) || !(price > 0) || !double.IsFinite(price))
        {
            return Refused(RejectReason.InvalidOrder);
        }

        var risk = book.Model.Instruments[instrument];
        var held = Held(book, risk);
        var opposite = side == Side.Sell ? held > 0 : held < 0;
        if (order.ReduceOnly && !opposite)
        {
            // pretrade.proto: a reduce-only order that can only open or increase a position is malformed.
            return Refused(RejectReason.InvalidOrder);
        }

        if (limits.PriceBand > 0 && Math.Abs(price - risk.Mark) > limits.PriceBand * risk.Mark)
        {
            return Refused(RejectReason.PriceOutsideBand);
        }

        var notional = Math.Abs(Notional(risk, qty, price));
        if ((limits.MaxOrderNotional > 0 && notional > limits.MaxOrderNotional) || notional > GridLimits.MaxValue)
        {
            return Refused(RejectReason.MaxOrderNotional);
        }

        // Reducing: towards zero without crossing it. Such an order passes the position and staleness gates.
        var reducing = opposite && qty <= Math.Abs(held);
        var after = held + (side == Side.Buy ? qty : -qty);
        if (!reducing
            && ((limits.MaxPosition > 0 && Math.Abs(after) > limits.MaxPosition) || Math.Abs(Notional(risk, after, price)) > GridLimits.MaxValue))
        {
            return Refused(RejectReason.MaxPosition);
        }

        if (!reducing && limits.StalePrice)
        {
            return Refused(RejectReason.StalePrice);
        }

        return book.Check(instrument, side, qty, price);
    }

    /// <summary>
    /// USD notional of <paramref name="qty"/> at <paramref name="price"/>: face value for coin-margined
    /// delta-one, underlying value for options, base value at its index for spot and stock, price ×
    /// size × multiplier otherwise.
    /// </summary>
    public static double Notional(InstrumentRisk risk, double qty, double price) => risk.Kind switch
    {
        InstrumentKind.InversePerp or InstrumentKind.InverseFuture => qty * risk.Multiplier,
        _ when risk.Kind.IsOption() => qty * risk.Multiplier * risk.UnderlyingPrice,
        _ when risk.Kind.IsCash() => qty * risk.UnderlyingPrice,
        _ => qty * risk.Multiplier * price,
    };

    /// <summary>What the account holds of the instrument: the net position, or the base balance for spot and stock.</summary>
    internal static double Held(AccountBook book, InstrumentRisk risk)
    {
        if (risk.Kind.IsCash())
        {
            return risk.BaseAsset >= 0 ? book.Balances[risk.BaseAsset] : 0;
        }

        var k = book.FindHolding(risk.Index);
        return k >= 0 ? book.Holdings[k].Qty : 0;
    }

    private static PreTradeResult Refused(RejectReason reason) => new() { Decision = Decision.Reject, Reason = reason };
}

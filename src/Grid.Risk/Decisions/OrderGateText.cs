using System.Globalization;
using Grid.Risk.Accounts;

namespace Grid.Risk.Decisions;

/// <summary>
/// Why the <see cref="OrderGate"/> refused an order, in words that name the field and the limit. Kept
/// apart from the decision so the accept path never formats a string.
/// </summary>
public static class OrderGateText
{
    /// <summary>The explanation of <paramref name="reason"/> for <paramref name="order"/>; empty when there is nothing to add.</summary>
    public static string Explain(RejectReason reason, AccountBook book, in OrderTerms order, in TradingLimits limits)
    {
        var risk = (uint)order.Instrument < (uint)book.Model.Instruments.Length ? book.Model.Instruments[order.Instrument] : null;
        var c = CultureInfo.InvariantCulture;
        return reason switch
        {
            RejectReason.InvalidOrder when order.ReduceOnly && risk is not null
                => "reduce_only: the order would open or increase a position",
            RejectReason.InvalidOrder => "qty/price: must be positive numbers and side buy or sell",
            RejectReason.PriceOutsideBand when risk is not null
                => string.Format(c, "price: {0} is more than {1:P2} from the mark {2}", order.Price, limits.PriceBand, risk.Mark),
            RejectReason.MaxOrderNotional when risk is not null && Math.Abs(OrderGate.Notional(risk, order.Qty, order.Price)) > GridLimits.MaxValue
                => "qty: " + GridLimits.Message("the order"),
            RejectReason.MaxOrderNotional => string.Format(c, "qty: the notional is above {0} USD", limits.MaxOrderNotional),
            RejectReason.MaxPosition when limits.MaxPosition > 0 && risk is not null && Math.Abs(After(book, risk, order)) > limits.MaxPosition
                => string.Format(c, "qty: the position would exceed {0} contracts", limits.MaxPosition),
            RejectReason.MaxPosition => "qty: " + GridLimits.Message("the position"),
            RejectReason.StalePrice => "the group's prices are older than Grid:Accounts:MaxPriceAge and the order adds risk",
            RejectReason.MaxOpenOrders => "the account holds as many resting orders as Grid:Accounts:MaxOpenOrders allows",
            RejectReason.InstrumentHalted => "trading in the instrument is halted",
            RejectReason.AccountFrozen => "the account is frozen",
            _ => "",
        };
    }

    private static double After(AccountBook book, Market.InstrumentRisk risk, in OrderTerms order)
        => OrderGate.Held(book, risk) + (order.Side == Side.Buy ? order.Qty : -order.Qty);
}

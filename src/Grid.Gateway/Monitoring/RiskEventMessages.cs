using Grid.Abstractions.Risk;
using Grid.Gateway.Conversion;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Monitoring;

/// <summary>Risk events and cancel instructions on the wire.</summary>
internal static class RiskEventMessages
{
    public static Wire.RiskEvent ToWire(RiskEventData e, bool positions)
    {
        var wire = new Wire.RiskEvent
        {
            Sequence = (ulong)Math.Max(0, e.Sequence),
            At = WireTime.From(e.At),
            AccountId = e.AccountId,
            PreviousState = WireEnums.ToWire(e.PreviousState),
            State = WireEnums.ToWire(e.State),
            Equity = WireDecimal.From(e.Equity),
            InitialMargin = WireDecimal.From(e.InitialMargin),
            MaintenanceMargin = WireDecimal.From(e.MaintenanceMargin),
            Shortfall = WireDecimal.From(e.Shortfall),
            LiquidationCandidate = e.LiquidationCandidate,
            Cause = e.Cause,
        };
        if (positions)
        {
            foreach (var p in e.Positions)
            {
                wire.Positions.Add(new Wire.PositionLine { InstrumentId = p.InstrumentId, Qty = WireDecimal.From(p.Qty), Value = WireDecimal.From(p.Value) });
            }
        }

        return wire;
    }

    /// <summary>The grid's instruction to an engine to pull an account's resting orders (correlation id 0: unsolicited): liquidation, bankruptcy or an operator's freeze.</summary>
    public static Wire.GridMessage Cancel(RiskEventData e) => new()
    {
        CorrelationId = 0,
        Cancel = new Wire.CancelInstruction
        {
            AccountId = e.AccountId,
            ClientOrderIds = { e.CanceledOrderIds },
            Reason = e.Cause == RiskEventData.FrozenCause ? Wire.CancelReason.AccountFrozen
                : e.State == Grid.Risk.Accounts.AccountState.Bankrupt ? Wire.CancelReason.Bankruptcy : Wire.CancelReason.Liquidation,
            State = WireEnums.ToWire(e.State),
        },
    };
}

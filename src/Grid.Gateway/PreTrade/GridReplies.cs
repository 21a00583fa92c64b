using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Gateway.Conversion;
using Grid.Gateway.Faults;
using Grid.Risk.Decisions;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.PreTrade;

/// <summary>Account replies as GridMessages: decisions, acks and errors, under the command's correlation id.</summary>
internal static class GridReplies
{
    /// <summary>
    /// The reply to <paramref name="command"/> of <paramref name="accountId"/>; its decision or ack message from
    /// <paramref name="pool"/> when there is one (errors are always new).
    /// </summary>
    public static Wire.GridMessage From(string accountId, EngineCommand command, EngineReply reply, ReplyPool? pool = null)
    {
        var id = command.CorrelationId;
        switch (reply.Kind)
        {
            case ReplyKind.Decision:
                var decision = pool?.Decision() ?? new Wire.GridMessage { Decision = new Wire.OrderDecision() };
                decision.CorrelationId = id;
                Decision(accountId, command.ClientOrderId, reply, decision.Decision);
                return decision;
            case ReplyKind.Ack:
                var ack = pool?.Ack() ?? new Wire.GridMessage { Ack = new Wire.Ack() };
                ack.CorrelationId = id;
                Ack(accountId, command, reply, ack.Ack);
                return ack;
            case ReplyKind.Error:
                return FromError(accountId, command, reply);
            default:
                return Error(id, WireErrors.Detail(Wire.ErrorCode.Internal, "", $"the account answered an unknown reply kind {(int)reply.Kind}"));
        }
    }

    /// <summary>
    /// A decision. The margin figures are left unset when the order was refused before the margin
    /// test (request, instrument, account and limit reasons), as pretrade.proto says.
    /// </summary>
    public static Wire.OrderDecision Decision(string accountId, string clientOrderId, EngineReply reply)
        => Decision(accountId, clientOrderId, reply, new Wire.OrderDecision());

    // Every field is written (a pooled decision holds the previous reply's), its Decimals reused when present.
    private static Wire.OrderDecision Decision(string accountId, string clientOrderId, EngineReply reply, Wire.OrderDecision decision)
    {
        decision.AccountId = accountId;
        decision.ClientOrderId = clientOrderId;
        decision.Decision = WireEnums.ToWire(reply.Decision);
        decision.RejectReason = reply.Decision == Risk.Decisions.Decision.Reject ? WireEnums.ToWire(reply.Reason) : Wire.RejectReason.Unspecified;
        decision.Replayed = reply.Replayed;
        decision.AccountState = WireEnums.ToWire(reply.State);
        if (reply.Decision != Risk.Decisions.Decision.Reject || reply.Reason.IsMarginTest())
        {
            decision.Shortfall = WireDecimal.Into(decision.Shortfall, reply.Shortfall);
            decision.InitialMarginBefore = WireDecimal.Into(decision.InitialMarginBefore, reply.ImBefore);
            decision.InitialMarginAfter = WireDecimal.Into(decision.InitialMarginAfter, reply.ImAfter);
            decision.AvailableAfter = WireDecimal.Into(decision.AvailableAfter, reply.AvailableAfter);
            decision.Equity = WireDecimal.Into(decision.Equity, reply.Equity);
            decision.MaintenanceAfter = WireDecimal.Into(decision.MaintenanceAfter, reply.MmAfter);
        }
        else
        {
            decision.Shortfall = null;
            decision.InitialMarginBefore = null;
            decision.InitialMarginAfter = null;
            decision.AvailableAfter = null;
            decision.Equity = null;
            decision.MaintenanceAfter = null;
        }

        return decision;
    }

    /// <summary>A reject the gateway decides itself, with no figures.</summary>
    public static Wire.OrderDecision Rejected(string accountId, string clientOrderId, Wire.RejectReason reason) => new()
    {
        AccountId = accountId,
        ClientOrderId = clientOrderId,
        Decision = Wire.Decision.Reject,
        RejectReason = reason,
    };

    /// <summary>A REJECT_REASON_INVALID_ORDER decision for order terms refused at the gateway.</summary>
    public static Wire.GridMessage InvalidOrder(ulong id, string accountId, string clientOrderId)
        => new() { CorrelationId = id, Decision = Rejected(accountId, clientOrderId, Wire.RejectReason.InvalidOrder) };

    /// <summary>An error reply; the stream stays open.</summary>
    public static Wire.GridMessage Error(ulong id, Wire.ErrorDetail detail) => new() { CorrelationId = id, Error = detail };

    // Every field is written (a pooled ack holds the previous reply's), its Decimals reused when present.
    private static void Ack(string accountId, EngineCommand command, EngineReply reply, Wire.Ack ack)
    {
        ack.Kind = command.Kind switch
        {
            CommandKind.Fill => Wire.AckKind.Fill,
            CommandKind.Funding => Wire.AckKind.Funding,
            _ => Wire.AckKind.Cancel,
        };
        ack.AccountId = accountId;
        ack.ClientOrderId = command.ClientOrderId;
        ack.TradeId = command.TradeId;
        ack.FundingId = command.FundingId;
        ack.RemainingQty = WireDecimal.Into(ack.RemainingQty, reply.RemainingQty);
        ack.AvailableAfter = WireDecimal.Into(ack.AvailableAfter, reply.AvailableAfter);
        ack.State = WireEnums.ToWire(reply.State);
        ack.Duplicate = reply.Replayed;
        ack.OrderKnown = reply.OrderKnown;
    }

    /// <summary>
    /// An unknown instrument or order on a check or amendment is a reject decision in the contract,
    /// not an error, whichever way the account reports it.
    /// </summary>
    private static Wire.GridMessage FromError(string accountId, EngineCommand command, EngineReply reply)
    {
        if (command.Kind is CommandKind.Check or CommandKind.Amend)
        {
            var reason = reply.Error switch
            {
                ErrorCode.UnknownInstrument => Wire.RejectReason.UnknownInstrument,
                ErrorCode.UnknownOrder => Wire.RejectReason.UnknownOrder,
                _ => Wire.RejectReason.Unspecified,
            };
            if (reason != Wire.RejectReason.Unspecified)
            {
                return new Wire.GridMessage { CorrelationId = command.CorrelationId, Decision = Rejected(accountId, command.ClientOrderId, reason) };
            }
        }

        return Error(command.CorrelationId, WireErrors.FromReply(reply));
    }
}

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
    /// <summary>The reply to <paramref name="command"/> of <paramref name="accountId"/>.</summary>
    public static Wire.GridMessage From(string accountId, EngineCommand command, EngineReply reply)
    {
        var id = command.CorrelationId;
        return reply.Kind switch
        {
            ReplyKind.Decision => new Wire.GridMessage { CorrelationId = id, Decision = Decision(accountId, command.ClientOrderId, reply) },
            ReplyKind.Ack => new Wire.GridMessage { CorrelationId = id, Ack = Ack(accountId, command, reply) },
            ReplyKind.Error => FromError(accountId, command, reply),
            _ => Error(id, WireErrors.Detail(Wire.ErrorCode.Internal, "", $"the account answered an unknown reply kind {(int)reply.Kind}")),
        };
    }

    /// <summary>
    /// A decision. The margin figures are left unset when the order was refused before the margin
    /// test (request, instrument, account and limit reasons), as pretrade.proto says.
    /// </summary>
    public static Wire.OrderDecision Decision(string accountId, string clientOrderId, EngineReply reply)
    {
        var decision = new Wire.OrderDecision
        {
            AccountId = accountId,
            ClientOrderId = clientOrderId,
            Decision = WireEnums.ToWire(reply.Decision),
            RejectReason = reply.Decision == Risk.Decisions.Decision.Reject ? WireEnums.ToWire(reply.Reason) : Wire.RejectReason.Unspecified,
            Replayed = reply.Replayed,
            AccountState = WireEnums.ToWire(reply.State),
        };
        if (reply.Decision != Risk.Decisions.Decision.Reject || reply.Reason.IsMarginTest())
        {
            decision.Shortfall = WireDecimal.From(reply.Shortfall);
            decision.InitialMarginBefore = WireDecimal.From(reply.ImBefore);
            decision.InitialMarginAfter = WireDecimal.From(reply.ImAfter);
            decision.AvailableAfter = WireDecimal.From(reply.AvailableAfter);
            decision.Equity = WireDecimal.From(reply.Equity);
            decision.MaintenanceAfter = WireDecimal.From(reply.MmAfter);
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

    private static Wire.Ack Ack(string accountId, EngineCommand command, EngineReply reply) => new()
    {
        Kind = command.Kind switch
        {
            CommandKind.Fill => Wire.AckKind.Fill,
            CommandKind.Funding => Wire.AckKind.Funding,
            _ => Wire.AckKind.Cancel,
        },
        AccountId = accountId,
        ClientOrderId = command.ClientOrderId,
        TradeId = command.TradeId,
        FundingId = command.FundingId,
        RemainingQty = WireDecimal.From(reply.RemainingQty),
        AvailableAfter = WireDecimal.From(reply.AvailableAfter),
        State = WireEnums.ToWire(reply.State),
        Duplicate = reply.Replayed,
        OrderKnown = reply.OrderKnown,
    };

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

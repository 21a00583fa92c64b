using Google.Protobuf.WellKnownTypes;
using Grid.Abstractions.Engine;
using Grid.Gateway.Validation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// Reads engine messages into account commands, validating every field first. Bad messages become
/// immediate replies: an ErrorDetail, or a REJECT_REASON_INVALID_ORDER decision for bad order terms
/// (pretrade.proto), so nothing invalid reaches a grain.
/// </summary>
internal static class EngineMessages
{
    /// <summary>Reads one message of the stream from <paramref name="venue"/> (the engine's key id).</summary>
    public static EngineRequest Read(Wire.EngineMessage message, TimeProvider clock, string venue = "")
    {
        var id = message.CorrelationId;
        if (id == 0)
        {
            return EngineRequest.Reply(GridReplies.Error(0, InvalidFieldException.Malformed("correlation_id", "must be non-zero").ToDetail()));
        }

        try
        {
            return message.BodyCase switch
            {
                Wire.EngineMessage.BodyOneofCase.Check => ReadCheck(message.Check, id, FieldPaths.Check, venue),
                Wire.EngineMessage.BodyOneofCase.Filled => ReadFill(message.Filled, id),
                Wire.EngineMessage.BodyOneofCase.Canceled => ReadCancel(message.Canceled, id),
                Wire.EngineMessage.BodyOneofCase.Amended => ReadAmend(message.Amended, id),
                Wire.EngineMessage.BodyOneofCase.Heartbeat => EngineRequest.Reply(Heartbeat(id, clock)),
                Wire.EngineMessage.BodyOneofCase.Funding => ReadFunding(message.Funding, id),
                _ => throw InvalidFieldException.Malformed("body", "the message has no body"),
            };
        }
        catch (InvalidFieldException e)
        {
            return EngineRequest.Reply(GridReplies.Error(id, e.ToDetail()));
        }
    }

    /// <summary>Reads a new order, on the stream or from a unary Check (<paramref name="fields"/> gives the prefix), checked for <paramref name="venue"/>.</summary>
    public static EngineRequest ReadCheck(Wire.CheckOrder? order, ulong id, FieldPaths fields, string venue = "")
    {
        if (order is null)
        {
            throw InvalidFieldException.Malformed(fields.Root, "is required");
        }

        var account = RequestFields.Key(order.AccountId, fields.AccountId);
        var clientOrderId = RequestFields.Key(order.ClientOrderId, fields.ClientOrderId);
        try
        {
            return EngineRequest.For(account, new EngineCommand
            {
                CorrelationId = id,
                Kind = CommandKind.Check,
                ClientOrderId = clientOrderId,
                InstrumentId = RequestFields.OrderInstrument(order.InstrumentId, fields.InstrumentId),
                Side = RequestFields.OrderSide(order.Side, fields.Side),
                Qty = RequestFields.OrderAmount(order.Qty, fields.Qty),
                Price = RequestFields.OrderAmount(order.Price, fields.Price),
                ReduceOnly = order.ReduceOnly,
                Venue = venue,
            });
        }
        catch (InvalidOrderException)
        {
            return EngineRequest.Reply(GridReplies.InvalidOrder(id, account, clientOrderId));
        }
    }

    /// <summary>A fill is never refused for risk, so bad terms are field errors and nothing is booked.</summary>
    private static EngineRequest ReadFill(Wire.OrderFilled fill, ulong id)
    {
        var fields = FieldPaths.Filled;
        var account = RequestFields.Key(fill.AccountId, fields.AccountId);
        return EngineRequest.For(account, new EngineCommand
        {
            CorrelationId = id,
            Kind = CommandKind.Fill,
            ClientOrderId = RequestFields.Key(fill.ClientOrderId, fields.ClientOrderId),
            TradeId = RequestFields.Key(fill.TradeId, fields.TradeId),
            InstrumentId = RequestFields.Id(fill.InstrumentId, fields.InstrumentId),
            Side = RequestFields.Side(fill.Side, fields.Side),
            Qty = RequestFields.Positive(fill.Qty, fields.Qty),
            Price = RequestFields.Positive(fill.Price, fields.Price),
            Fee = RequestFields.Signed(fill.Fee, fields.Fee),
        });
    }

    /// <summary>Zero or unset quantity cancels all that remains.</summary>
    private static EngineRequest ReadCancel(Wire.OrderCanceled cancel, ulong id)
    {
        var fields = FieldPaths.Canceled;
        var account = RequestFields.Key(cancel.AccountId, fields.AccountId);
        return EngineRequest.For(account, new EngineCommand
        {
            CorrelationId = id,
            Kind = CommandKind.Cancel,
            ClientOrderId = RequestFields.Key(cancel.ClientOrderId, fields.ClientOrderId),
            Qty = RequestFields.NonNegative(cancel.Qty, fields.Qty),
        });
    }

    /// <summary>An amendment is answered with a decision, so bad terms are rejects like a new order's.</summary>
    private static EngineRequest ReadAmend(Wire.OrderAmended amend, ulong id)
    {
        var fields = FieldPaths.Amended;
        var account = RequestFields.Key(amend.AccountId, fields.AccountId);
        var clientOrderId = RequestFields.Key(amend.ClientOrderId, fields.ClientOrderId);
        try
        {
            return EngineRequest.For(account, new EngineCommand
            {
                CorrelationId = id,
                Kind = CommandKind.Amend,
                ClientOrderId = clientOrderId,
                Qty = RequestFields.OrderAmount(amend.Qty, fields.Qty),
                Price = RequestFields.OrderAmount(amend.Price, fields.Price),
            });
        }
        catch (InvalidOrderException)
        {
            return EngineRequest.Reply(GridReplies.InvalidOrder(id, account, clientOrderId));
        }
    }

    /// <summary>Funding is never a decision: bad terms are field errors and nothing is applied.</summary>
    private static EngineRequest ReadFunding(Wire.Funding funding, ulong id)
    {
        var fields = FieldPaths.Funding;
        var account = RequestFields.Key(funding.AccountId, fields.AccountId);
        return EngineRequest.For(account, new EngineCommand
        {
            CorrelationId = id,
            Kind = CommandKind.Funding,
            FundingId = RequestFields.Key(funding.FundingId, fields.FundingId),
            InstrumentId = RequestFields.Id(funding.InstrumentId, fields.InstrumentId),
            Accrue = RequestFields.Signed(funding.Accrue, fields.Accrue),
            Settle = funding.Settle,
        });
    }

    private static Wire.GridMessage Heartbeat(ulong id, TimeProvider clock)
        => new() { CorrelationId = id, Heartbeat = new Wire.Heartbeat { SentAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()) } };
}

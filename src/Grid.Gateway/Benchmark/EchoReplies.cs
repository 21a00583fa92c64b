using Google.Protobuf.WellKnownTypes;
using Grid.Gateway.Conversion;
using Grid.Gateway.Faults;
using Grid.Gateway.PreTrade;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Benchmark;

/// <summary>
/// The canned replies of benchmark.proto, shaped like PreTrade.Stream's: every figure is present and
/// zero, so a reply costs what a real accepted decision or ack costs on the wire.
/// </summary>
internal static class EchoReplies
{
    public static Wire.GridMessage For(Wire.EngineMessage message, TimeProvider clock)
    {
        var id = message.CorrelationId;
        return message.BodyCase switch
        {
            Wire.EngineMessage.BodyOneofCase.Check => Decision(id, message.Check.AccountId, message.Check.ClientOrderId),
            Wire.EngineMessage.BodyOneofCase.Amended => Decision(id, message.Amended.AccountId, message.Amended.ClientOrderId),
            Wire.EngineMessage.BodyOneofCase.Filled => Ack(id, Wire.AckKind.Fill, message.Filled.AccountId, message.Filled.ClientOrderId, message.Filled.TradeId),
            Wire.EngineMessage.BodyOneofCase.Canceled => Ack(id, Wire.AckKind.Cancel, message.Canceled.AccountId, message.Canceled.ClientOrderId, ""),
            Wire.EngineMessage.BodyOneofCase.Funding => Funding(id, message.Funding),
            Wire.EngineMessage.BodyOneofCase.Heartbeat => new Wire.GridMessage
            {
                CorrelationId = id,
                Heartbeat = new Wire.Heartbeat { SentAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()) },
            },
            _ => GridReplies.Error(id, WireErrors.Detail(Wire.ErrorCode.Malformed, "body", "body: the message has no body")),
        };
    }

    private static Wire.GridMessage Funding(ulong id, Wire.Funding funding)
    {
        var reply = Ack(id, Wire.AckKind.Funding, funding.AccountId, "", "");
        reply.Ack.FundingId = funding.FundingId;
        return reply;
    }

    private static Wire.GridMessage Decision(ulong id, string accountId, string clientOrderId) => new()
    {
        CorrelationId = id,
        Decision = new Wire.OrderDecision
        {
            AccountId = accountId,
            ClientOrderId = clientOrderId,
            Decision = Wire.Decision.Accept,
            Shortfall = Zero(),
            InitialMarginBefore = Zero(),
            InitialMarginAfter = Zero(),
            AvailableAfter = Zero(),
            Equity = Zero(),
            MaintenanceAfter = Zero(),
            AccountState = Wire.AccountState.Ok,
        },
    };

    private static Wire.GridMessage Ack(ulong id, Wire.AckKind kind, string accountId, string clientOrderId, string tradeId) => new()
    {
        CorrelationId = id,
        Ack = new Wire.Ack
        {
            Kind = kind,
            AccountId = accountId,
            ClientOrderId = clientOrderId,
            TradeId = tradeId,
            RemainingQty = Zero(),
            AvailableAfter = Zero(),
            State = Wire.AccountState.Ok,
            OrderKnown = true,
        },
    };

    private static Wire.Decimal Zero() => WireDecimal.From(0m);
}

using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// What a duplex RPC promises about its replies, so the fuzz can hold it to it: every decodable request
/// gets exactly one reply carrying the request's token (PreTrade and Echo: correlation_id; Publish:
/// sequence), and a valid probe sent after any amount of hostile input gets a proper answer (a decision,
/// an echo, an ack without error). A duplex RPC the fuzz does not know is fuzzed for statuses only.
/// </summary>
internal sealed class DuplexProfile
{
    private DuplexProfile(MessageDescriptor request, MessageDescriptor reply)
    {
        Request = request;
        Reply = reply;
    }

    public MessageDescriptor Request { get; }

    public MessageDescriptor Reply { get; }

    /// <summary>True when each decodable request gets one reply with its token.</summary>
    public bool Accounted { get; private init; }

    /// <summary>A valid message with <c>token</c>, for a stream using <c>key</c>; null when the RPC has no probe.</summary>
    public Func<ulong, string, IMessage>? Probe { get; private init; }

    /// <summary>The token a reply answers; null for unsolicited replies.</summary>
    public Func<IMessage, ulong?> ReplyToken { get; private init; } = Token;

    /// <summary>Whether a reply is a proper answer to a probe.</summary>
    public Func<IMessage, bool> ProbeAnswered { get; private init; } = _ => true;

    /// <summary>The histogram label of a reply.</summary>
    public Func<IMessage, string> Label { get; private init; } = m => $"reply {m.Descriptor.Name}";

    /// <summary>Why a reply is itself a finding (an INTERNAL error detail), or null.</summary>
    public Func<IMessage, string?> Finding { get; private init; } = _ => null;

    public static DuplexProfile For(RpcTarget rpc) => rpc.Path switch
    {
        "/grid.v1.PreTrade/Stream" => new(rpc.Request, rpc.Response)
        {
            Accounted = true,
            ReplyToken = m => m is GridMessage { CorrelationId: 0, BodyCase: GridMessage.BodyOneofCase.Cancel or GridMessage.BodyOneofCase.Heartbeat } ? null : Token(m),
            Probe = (token, key) => Wire.Check(token, key == TestKeys.VenueB ? FuzzVocabulary.VenueProbeAccount : FuzzVocabulary.ProbeAccount, $"probe-{token}", "BTC-PERP", Side.Buy, 0.001m, 60_000m),
            ProbeAnswered = m => ((GridMessage)m).BodyCase == GridMessage.BodyOneofCase.Decision,
            Label = m => GridLabel((GridMessage)m),
            Finding = m => GridFinding((GridMessage)m),
        },
        "/grid.v1.Echo/Stream" => new(rpc.Request, rpc.Response)
        {
            Accounted = true,
            Probe = (token, _) => new EngineMessage { CorrelationId = token, Heartbeat = new Heartbeat { SentAt = Timestamp.FromDateTime(DateTime.UtcNow) } },
            ProbeAnswered = m => ((GridMessage)m).BodyCase == GridMessage.BodyOneofCase.Heartbeat,
            Label = m => GridLabel((GridMessage)m),
            Finding = m => GridFinding((GridMessage)m),
        },
        "/grid.v1.MarketData/Publish" => new(rpc.Request, rpc.Response)
        {
            Accounted = true,
            Probe = (token, _) => new PriceBatch
            {
                Sequence = token,
                Updates = { new PriceUpdate { Mark = new MarkPrice { InstrumentId = "BTC-PERP", Price = Wire.Dec(60_000m) }, ObservedAt = Timestamp.FromDateTime(DateTime.UtcNow) } },
            },
            ProbeAnswered = m => ((PublishAck)m).Error is null,
            Label = m => AckLabel((PublishAck)m),
            Finding = m => AckFinding((PublishAck)m),
        },
        _ => new(rpc.Request, rpc.Response),
    };

    /// <summary>The token of a request or reply: its correlation_id or sequence.</summary>
    public static ulong? Token(IMessage message)
        => TokenField(message.Descriptor) is { } field ? (ulong)field.Accessor.GetValue(message) : null;

    /// <summary>Gives a request the token <paramref name="token"/> (a well-behaved client's increasing id).</summary>
    public static void Restamp(IMessage message, ulong token) => TokenField(message.Descriptor)?.Accessor.SetValue(message, token);

    private static FieldDescriptor? TokenField(MessageDescriptor type)
        => new[] { type.FindFieldByName("correlation_id"), type.FindFieldByName("sequence") }
            .FirstOrDefault(f => f is { FieldType: FieldType.UInt64, IsRepeated: false });

    private static string GridLabel(GridMessage m) => m.BodyCase switch
    {
        GridMessage.BodyOneofCase.Decision => $"reply decision {m.Decision.Decision} {m.Decision.RejectReason}",
        GridMessage.BodyOneofCase.Error => $"reply error {m.Error.Code}",
        _ => $"reply {m.BodyCase}",
    };

    private static string? GridFinding(GridMessage m) => m.BodyCase switch
    {
        GridMessage.BodyOneofCase.Error when m.Error.Code is ErrorCode.Internal or ErrorCode.Unspecified => $"error reply {m.Error.Code}: {m.Error.Field} {m.Error.Message}",
        GridMessage.BodyOneofCase.Error when OutcomePolicy.LeaksException(m.Error.Message) => $"error reply {m.Error.Code} carrying a .NET exception's message: {m.Error.Message}",
        GridMessage.BodyOneofCase.Decision when m.Decision.Decision == Decision.Unspecified => "decision DECISION_UNSPECIFIED",
        GridMessage.BodyOneofCase.None => "reply without a body",
        _ => null,
    };

    private static string AckLabel(PublishAck a)
        => a.Error is not null ? $"ack error {a.Error.Code}" : a.Duplicate ? "ack duplicate" : a.Rejected.Count > 0 ? "ack with rejected updates" : "ack all accepted";

    private static string? AckFinding(PublishAck a)
        => a.Error is { } e && (e.Code is ErrorCode.Internal or ErrorCode.Unspecified || OutcomePolicy.LeaksException(e.Message)) ? $"ack error {e.Code}: {e.Field} {e.Message}"
            : a.Rejected.FirstOrDefault(r => r.Error is null || r.Error.Code is ErrorCode.Internal or ErrorCode.Unspecified || OutcomePolicy.LeaksException(r.Error.Message)) is { } r
                ? $"rejected update with error {r.Error?.Code.ToString() ?? "none"}: {r.Error?.Message}"
                : null;
}

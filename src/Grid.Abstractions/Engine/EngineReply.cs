using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Abstractions.Engine;

/// <summary>An account's answer to one <see cref="EngineCommand"/>. Money in USD as decimals, rounded
/// at the boundary (requirements up, equity down).</summary>
/// <remarks>
/// A value, not an object: the account writes its replies into the batch's reply buffer, which the gateway's
/// lanes reuse on the silo-local path, so a message costs no reply object of its own. A <c>default</c> reply
/// (its <see cref="Kind"/> is 0, no <see cref="ReplyKind"/>) is no answer: nothing was written to its slot.
/// Text fields read "" when unset.
/// </remarks>
[GenerateSerializer, Immutable, Alias("grid.EngineReply")]
public readonly record struct EngineReply
{
    [Id(2)] private readonly string? _clientOrderId;
    [Id(15)] private readonly string? _message;
    [Id(16)] private readonly string? _tradeId;

    /// <summary>The command's correlation id.</summary>
    [Id(0)] public ulong CorrelationId { get; init; }

    /// <summary>Decision, ack or error.</summary>
    [Id(1)] public ReplyKind Kind { get; init; }

    /// <summary>The command's client order id.</summary>
    public string ClientOrderId { get => _clientOrderId ?? ""; init => _clientOrderId = value; }

    /// <summary>Accept, accept as risk-reducing, reject (decisions).</summary>
    [Id(3)] public Decision Decision { get; init; }

    /// <summary>Why rejected.</summary>
    [Id(4)] public RejectReason Reason { get; init; }

    /// <summary>IM − AE after order costs, when short.</summary>
    [Id(5)] public decimal Shortfall { get; init; }

    /// <summary>Order-inclusive IM before the command.</summary>
    [Id(6)] public decimal ImBefore { get; init; }

    /// <summary>Order-inclusive IM after the command.</summary>
    [Id(7)] public decimal ImAfter { get; init; }

    /// <summary>Buying power after the command.</summary>
    [Id(8)] public decimal AvailableAfter { get; init; }

    /// <summary>AE − order costs after the command.</summary>
    [Id(9)] public decimal Equity { get; init; }

    /// <summary>Positions-only MM after the order fills (decisions).</summary>
    [Id(10)] public decimal MmAfter { get; init; }

    /// <summary>True when a retried command returned the stored outcome without applying it again.</summary>
    [Id(11)] public bool Replayed { get; init; }

    /// <summary>Account state after the command.</summary>
    [Id(12)] public AccountState State { get; init; }

    /// <summary>Remaining quantity of the order after a fill or cancel.</summary>
    [Id(13)] public decimal RemainingQty { get; init; }

    /// <summary>Error code (errors).</summary>
    [Id(14)] public ErrorCode Error { get; init; }

    /// <summary>Field at fault and human-readable explanation (errors).</summary>
    public string Message { get => _message ?? ""; init => _message = value; }

    /// <summary>The trade id acknowledged (fills).</summary>
    public string TradeId { get => _tradeId ?? ""; init => _tradeId = value; }

    /// <summary>Command kind answered.</summary>
    [Id(17)] public CommandKind Command { get; init; }

    /// <summary>The order is known to the account (acks).</summary>
    [Id(18)] public bool OrderKnown { get; init; }

    /// <summary>For <see cref="ErrorCode.Overloaded"/>: how long to wait before retrying; zero when unknown.</summary>
    [Id(19)] public TimeSpan RetryAfter { get; init; }

    /// <summary>An error reply.</summary>
    public static EngineReply Fail(in EngineCommand c, ErrorCode code, string message) => new()
    {
        CorrelationId = c.CorrelationId, Kind = ReplyKind.Error, ClientOrderId = c.ClientOrderId, Command = c.Kind, Error = code, Message = message,
    };
}

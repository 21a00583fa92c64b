using Grid.Risk.Accounts;

namespace Grid.Abstractions.Engine;

/// <summary>
/// One matching-engine message for one account, already validated by the gateway. Quantities and
/// prices are decimals; the account grain applies commands in the order it receives them.
/// </summary>
/// <remarks>
/// A value, not an object: a batch carries its commands inline (the gateway's lanes reuse their batch
/// buffers on the silo-local path), so a message costs no command object of its own. Text fields read ""
/// when unset, also in a <c>default</c> command (an array slot, or a payload that left them out).
/// </remarks>
[GenerateSerializer, Immutable, Alias("grid.EngineCommand")]
public readonly record struct EngineCommand
{
    [Id(2)] private readonly string? _clientOrderId;
    [Id(3)] private readonly string? _instrumentId;
    [Id(7)] private readonly string? _tradeId;
    [Id(10)] private readonly string? _venue;
    [Id(11)] private readonly string? _fundingId;

    /// <summary>Echoed in the reply so the stream can correlate.</summary>
    [Id(0)] public ulong CorrelationId { get; init; }

    /// <summary>What to do.</summary>
    [Id(1)] public CommandKind Kind { get; init; }

    /// <summary>Client order id: with the account, the idempotency key of a check.</summary>
    public string ClientOrderId { get => _clientOrderId ?? ""; init => _clientOrderId = value; }

    /// <summary>Instrument (checks, fills and funding).</summary>
    public string InstrumentId { get => _instrumentId ?? ""; init => _instrumentId = value; }

    /// <summary>Side (checks and fills).</summary>
    [Id(4)] public Side Side { get; init; }

    /// <summary>Order quantity (check), fill quantity (fill), quantity to cancel (0 = all), new remaining quantity (amend).</summary>
    [Id(5)] public decimal Qty { get; init; }

    /// <summary>Limit price (check, amend) or fill price (fill).</summary>
    [Id(6)] public decimal Price { get; init; }

    /// <summary>Trade id of a fill: its idempotency key.</summary>
    public string TradeId { get => _tradeId ?? ""; init => _tradeId = value; }

    /// <summary>Fee charged on a fill, in the settlement asset.</summary>
    [Id(8)] public decimal Fee { get; init; }

    /// <summary>Order may only reduce the position.</summary>
    [Id(9)] public bool ReduceOnly { get; init; }

    /// <summary>The venue sending the command (the engine's API key id); a check's reservation records it.</summary>
    public string Venue { get => _venue ?? ""; init => _venue = value; }

    /// <summary>Funding id: the idempotency key of a funding command.</summary>
    public string FundingId { get => _fundingId ?? ""; init => _fundingId = value; }

    /// <summary>Funding to add to the position's unsettled funding (USD for linear contracts, coin for inverse ones); positive is owed to the account.</summary>
    [Id(12)] public decimal Accrue { get; init; }

    /// <summary>Funding: settle the position's whole unsettled funding (after the accrual) into its settlement asset.</summary>
    [Id(13)] public bool Settle { get; init; }
}

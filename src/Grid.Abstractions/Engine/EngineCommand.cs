using Grid.Risk.Accounts;

namespace Grid.Abstractions.Engine;

/// <summary>
/// One matching-engine message for one account, already validated by the gateway. Quantities and
/// prices are decimals; the account grain applies commands in the order it receives them.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.EngineCommand")]
public sealed record EngineCommand
{
    /// <summary>Echoed in the reply so the stream can correlate.</summary>
    [Id(0)] public ulong CorrelationId { get; init; }

    /// <summary>What to do.</summary>
    [Id(1)] public CommandKind Kind { get; init; }

    /// <summary>Client order id: with the account, the idempotency key of a check.</summary>
    [Id(2)] public string ClientOrderId { get; init; } = "";

    /// <summary>Instrument (checks, fills and funding).</summary>
    [Id(3)] public string InstrumentId { get; init; } = "";

    /// <summary>Side (checks and fills).</summary>
    [Id(4)] public Side Side { get; init; }

    /// <summary>Order quantity (check), fill quantity (fill), quantity to cancel (0 = all), new remaining quantity (amend).</summary>
    [Id(5)] public decimal Qty { get; init; }

    /// <summary>Limit price (check, amend) or fill price (fill).</summary>
    [Id(6)] public decimal Price { get; init; }

    /// <summary>Trade id of a fill: its idempotency key.</summary>
    [Id(7)] public string TradeId { get; init; } = "";

    /// <summary>Fee charged on a fill, in the settlement asset.</summary>
    [Id(8)] public decimal Fee { get; init; }

    /// <summary>Order may only reduce the position.</summary>
    [Id(9)] public bool ReduceOnly { get; init; }

    /// <summary>The venue sending the command (the engine's API key id); a check's reservation records it.</summary>
    [Id(10)] public string Venue { get; init; } = "";

    /// <summary>Funding id: the idempotency key of a funding command.</summary>
    [Id(11)] public string FundingId { get; init; } = "";

    /// <summary>Funding to add to the position's unsettled funding (USD for linear contracts, coin for inverse ones); positive is owed to the account.</summary>
    [Id(12)] public decimal Accrue { get; init; }

    /// <summary>Funding: settle the position's whole unsettled funding (after the accrual) into its settlement asset.</summary>
    [Id(13)] public bool Settle { get; init; }
}

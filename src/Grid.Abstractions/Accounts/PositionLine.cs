namespace Grid.Abstractions.Accounts;

/// <summary>
/// A net position: contracts, entry (0 for options), unsettled funding, its signed value at mark in USD
/// (notional for delta-one, market value for options) and the mark used, in quote units.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.PositionLine")]
public sealed record PositionLine(
    [property: Id(0)] string InstrumentId,
    [property: Id(1)] decimal Qty,
    [property: Id(2)] decimal Entry,
    [property: Id(3)] decimal Funding,
    [property: Id(4)] decimal Value,
    [property: Id(5)] decimal MarkPrice = 0);

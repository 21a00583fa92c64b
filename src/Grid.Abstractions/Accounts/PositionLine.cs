namespace Grid.Abstractions.Accounts;

/// <summary>A net position with its value in USD (option mark or delta-one uPnL).</summary>
[GenerateSerializer, Immutable, Alias("grid.PositionLine")]
public sealed record PositionLine(
    [property: Id(0)] string InstrumentId,
    [property: Id(1)] decimal Qty,
    [property: Id(2)] decimal Entry,
    [property: Id(3)] decimal Funding,
    [property: Id(4)] decimal Value);

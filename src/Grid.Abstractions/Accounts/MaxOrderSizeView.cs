namespace Grid.Abstractions.Accounts;

/// <summary>The largest passing size of one order (Rulebook §4 item 25) and the market instant it was computed on.</summary>
[GenerateSerializer, Immutable, Alias("grid.MaxOrderSizeView")]
public sealed record MaxOrderSizeView([property: Id(0)] decimal Qty, [property: Id(1)] DateTimeOffset AsOf);

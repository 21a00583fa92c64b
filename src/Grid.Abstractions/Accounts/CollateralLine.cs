namespace Grid.Abstractions.Accounts;

/// <summary>A balance and its collateral value after haircuts.</summary>
[GenerateSerializer, Immutable, Alias("grid.CollateralLine")]
public sealed record CollateralLine([property: Id(0)] string Asset, [property: Id(1)] decimal Balance, [property: Id(2)] decimal Value);

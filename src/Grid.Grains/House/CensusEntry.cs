namespace Grid.Grains.House;

/// <summary>One account a silo holds, as its census resolves it.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Version">The stored version its replica was taken from.</param>
[GenerateSerializer, Immutable, Alias("grid.CensusEntry")]
public sealed record CensusEntry([property: Id(0)] string AccountId, [property: Id(1)] long Version);

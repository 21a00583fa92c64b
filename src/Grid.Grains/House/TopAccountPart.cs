namespace Grid.Grains.House;

/// <summary>One account of a scenario's top list in a silo's part.</summary>
[GenerateSerializer, Immutable, Alias("grid.TopAccountPart")]
public sealed record TopAccountPart([property: Id(0)] string AccountId, [property: Id(1)] double Ae, [property: Id(2)] double AeStressed);

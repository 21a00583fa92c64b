namespace Grid.Abstractions.Accounts;

/// <summary>One silo of a regime comparison.</summary>
[GenerateSerializer, Immutable, Alias("grid.SiloView")]
public sealed record SiloView([property: Id(0)] string Name, [property: Id(1)] string Regime, [property: Id(2)] decimal Requirement);

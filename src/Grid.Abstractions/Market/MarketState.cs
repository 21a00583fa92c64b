namespace Grid.Abstractions.Market;

/// <summary>Everything a silo needs to build its market snapshot.</summary>
[GenerateSerializer, Immutable, Alias("grid.MarketState")]
public sealed record MarketState
{
    [Id(0)] public RulebookInfo? Rulebook { get; init; }
    [Id(1)] public IReadOnlyList<InstrumentInfo> Instruments { get; init; } = [];
    [Id(2)] public IReadOnlyList<UnderlyingInfo> Underlyings { get; init; } = [];
}

namespace Grid.Abstractions.Market;

/// <summary>One published change: exactly one of the three parts is set.</summary>
[GenerateSerializer, Immutable, Alias("grid.MarketChange")]
public sealed record MarketChange
{
    [Id(0)] public InstrumentInfo? Instrument { get; init; }
    [Id(1)] public UnderlyingInfo? Underlying { get; init; }
    [Id(2)] public RulebookInfo? Rulebook { get; init; }
}

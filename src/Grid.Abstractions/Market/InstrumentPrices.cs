namespace Grid.Abstractions.Market;

/// <summary>A price update for one instrument; unset fields keep their value.</summary>
[GenerateSerializer, Immutable, Alias("grid.InstrumentPrices")]
public sealed record InstrumentPrices
{
    [Id(0)] public decimal? Mark { get; init; }
    [Id(1)] public decimal? Vol { get; init; }
    [Id(2)] public IReadOnlyList<decimal>? SpanArray { get; init; }
    [Id(3)] public decimal? SpanDelta { get; init; }
    [Id(4)] public decimal? OpenInterest { get; init; }
    [Id(5)] public DateTimeOffset At { get; init; }
}

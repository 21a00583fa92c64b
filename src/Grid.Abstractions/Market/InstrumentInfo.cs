namespace Grid.Abstractions.Market;

/// <summary>An instrument's spec, trading status and latest market data, as its grain publishes it.</summary>
[GenerateSerializer, Immutable, Alias("grid.InstrumentInfo")]
public sealed record InstrumentInfo
{
    [Id(0)] public InstrumentSpec Spec { get; init; } = new();
    [Id(1)] public bool Halted { get; init; }
    [Id(2)] public string HaltReason { get; init; } = "";

    /// <summary>Mark of a delta-one or SPAN instrument (0 = none yet).</summary>
    [Id(3)] public decimal Mark { get; init; }
    [Id(4)] public DateTimeOffset MarkAt { get; init; }

    /// <summary>Implied vol of an option as a fraction (0 = none yet).</summary>
    [Id(5)] public decimal Vol { get; init; }
    [Id(6)] public DateTimeOffset VolAt { get; init; }

    /// <summary>Published SPAN array (16 values per unit), if any.</summary>
    [Id(7)] public IReadOnlyList<decimal> SpanArray { get; init; } = [];
    [Id(8)] public decimal SpanDelta { get; init; }

    /// <summary>Open interest in contracts.</summary>
    [Id(9)] public decimal OpenInterest { get; init; }

    /// <summary>Increases with every change; observers keep the highest.</summary>
    [Id(10)] public long Version { get; init; }
}

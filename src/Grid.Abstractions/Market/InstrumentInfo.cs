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

    /// <summary>Published SPAN array (16 values per underlying unit, gain positive), if any.</summary>
    [Id(7)] public IReadOnlyList<decimal> SpanArray { get; init; } = [];

    /// <summary>Published SPAN delta in USD per underlying unit; meaningful only when <see cref="HasSpanDelta"/>.</summary>
    [Id(8)] public decimal SpanDelta { get; init; }

    /// <summary>Open interest in contracts.</summary>
    [Id(9)] public decimal OpenInterest { get; init; }

    /// <summary>Increases with every change; observers keep the highest.</summary>
    [Id(10)] public long Version { get; init; }

    /// <summary>When the SPAN array was observed (default: never published).</summary>
    [Id(11)] public DateTimeOffset SpanArrayAt { get; init; }

    /// <summary>When the SPAN delta was observed (default: never published, unless a record older than this field carries one).</summary>
    [Id(12)] public DateTimeOffset SpanDeltaAt { get; init; }

    /// <summary>When the open interest was observed (default: never published).</summary>
    [Id(13)] public DateTimeOffset OpenInterestAt { get; init; }

    /// <summary>
    /// True when a SPAN delta was published: absent is not zero (Rulebook §4 item 29 then takes the
    /// delta of a linear future). Records stored before <see cref="SpanDeltaAt"/> existed count a
    /// non-zero delta as published.
    /// </summary>
    public bool HasSpanDelta => SpanDeltaAt != default || SpanDelta != 0;

    /// <summary>The newest observation among this instrument's market inputs (mark, vol, array, delta, open interest); default when none.</summary>
    public DateTimeOffset NewestObservation => Max(Max(Max(MarkAt, VolAt), Max(SpanArrayAt, SpanDeltaAt)), OpenInterestAt);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

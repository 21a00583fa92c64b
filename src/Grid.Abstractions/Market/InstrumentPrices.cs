namespace Grid.Abstractions.Market;

/// <summary>
/// A price update for one instrument; unset fields keep their value. Each input is its own price key:
/// its instant is its own <c>…At</c> when set, else <see cref="At"/>; the newest observation of a key wins.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.InstrumentPrices")]
public sealed record InstrumentPrices
{
    /// <summary>Mark of a delta-one, spot, stock or SPAN instrument.</summary>
    [Id(0)] public decimal? Mark { get; init; }

    /// <summary>Implied vol of an option, as a fraction.</summary>
    [Id(1)] public decimal? Vol { get; init; }

    /// <summary>Published SPAN array: 16 values per underlying unit, gain positive.</summary>
    [Id(2)] public IReadOnlyList<decimal>? SpanArray { get; init; }

    /// <summary>Published SPAN delta in USD per underlying unit.</summary>
    [Id(3)] public decimal? SpanDelta { get; init; }

    /// <summary>Open interest in contracts.</summary>
    [Id(4)] public decimal? OpenInterest { get; init; }

    /// <summary>When the inputs were observed (default: when the grain receives them).</summary>
    [Id(5)] public DateTimeOffset At { get; init; }

    /// <summary>When the mark was observed, if not <see cref="At"/>.</summary>
    [Id(6)] public DateTimeOffset? MarkAt { get; init; }

    /// <summary>When the vol was observed, if not <see cref="At"/>.</summary>
    [Id(7)] public DateTimeOffset? VolAt { get; init; }

    /// <summary>When the SPAN array was observed, if not <see cref="At"/>.</summary>
    [Id(8)] public DateTimeOffset? SpanArrayAt { get; init; }

    /// <summary>When the SPAN delta was observed, if not <see cref="At"/>.</summary>
    [Id(9)] public DateTimeOffset? SpanDeltaAt { get; init; }

    /// <summary>When the open interest was observed, if not <see cref="At"/>.</summary>
    [Id(10)] public DateTimeOffset? OpenInterestAt { get; init; }
}

namespace Grid.Abstractions.Market;

/// <summary>
/// A price update for one asset: index, forwards (each with its own instant) and dividend yield. Unset
/// inputs keep their value; the newest observation of each key wins.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.UnderlyingUpdate")]
public sealed record UnderlyingUpdate
{
    /// <summary>Index (spot) price in USD per unit.</summary>
    [Id(0)] public decimal? Index { get; init; }

    /// <summary>When the index was observed.</summary>
    [Id(1)] public DateTimeOffset IndexAt { get; init; }

    /// <summary>Forwards per expiry, replacing older observations of the same expiries.</summary>
    [Id(2)] public IReadOnlyList<ForwardPoint> Forwards { get; init; } = [];

    /// <summary>Dividend yield, continuous, as a fraction.</summary>
    [Id(3)] public decimal? DividendYield { get; init; }

    /// <summary>When the dividend yield was observed.</summary>
    [Id(4)] public DateTimeOffset DividendYieldAt { get; init; }
}

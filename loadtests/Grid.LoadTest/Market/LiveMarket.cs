namespace Grid.LoadTest.Market;

/// <summary>The generator's market (what the feed moves) and the options of the market makers' books.</summary>
/// <param name="Walk">The walk over the traded underlyings and their options.</param>
/// <param name="BookOptions">Indexes into <see cref="MarketWalk.Options"/> of the options every market maker holds and quotes.</param>
public sealed record LiveMarket(MarketWalk Walk, IReadOnlyList<int> BookOptions);

namespace Grid.LoadTest.Market;

/// <summary>An option whose vol the feed moves and whose mark the market makers quote around.</summary>
/// <param name="Id">Instrument id, e.g. "BTC-261231-60000-C".</param>
/// <param name="Underlying">Index into <see cref="MarketWalk.Underlyings"/>.</param>
/// <param name="Strike">Strike in USD.</param>
/// <param name="IsCall">Call or put.</param>
/// <param name="Expiry">Expiry instant (its forward is published for it).</param>
public sealed record FeedOption(string Id, int Underlying, double Strike, bool IsCall, DateTimeOffset Expiry);

namespace Grid.LoadTest.Market;

/// <summary>
/// An underlying the feed moves: its index around a reference price, the marks of its traded delta-one
/// instruments with it, and, when options are listed on it, a forward per option expiry and their vols.
/// </summary>
/// <param name="Asset">Asset code, e.g. "BTC".</param>
/// <param name="Reference">Index the walk reverts to (the traded instruments' reference price).</param>
/// <param name="Marks">Traded delta-one instruments on it, with their reference marks.</param>
/// <param name="Expiries">Expiries of its listed options (a forward each).</param>
/// <param name="Options">Indexes into <see cref="MarketWalk.Options"/> of its options.</param>
public sealed record FeedUnderlying(string Asset, double Reference, IReadOnlyList<(string Id, double Reference)> Marks, IReadOnlyList<DateTimeOffset> Expiries, IReadOnlyList<int> Options);

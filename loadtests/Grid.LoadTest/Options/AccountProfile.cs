namespace Grid.LoadTest.Options;

/// <summary>What the load accounts hold and send.</summary>
public enum AccountProfile
{
    /// <summary>Every account trades the delta-one instruments (the default mix).</summary>
    Default = 0,

    /// <summary>
    /// Besides them, market-maker accounts hold option books (a position in each of 200 BTC options, 50
    /// resting quotes across the strikes), seeded before the measured phases, and quote around the marks.
    /// </summary>
    MarketMaker = 1,
}

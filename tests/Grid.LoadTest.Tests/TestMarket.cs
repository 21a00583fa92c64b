using Grid.LoadTest.Market;

namespace Grid.LoadTest.Tests;

/// <summary>A generator market without a grid: BTC at 60,000 with a perpetual and the 200-option book, ETH at 3,000 with a perpetual.</summary>
internal static class TestMarket
{
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    /// <param name="seed">Seed of the market walk.</param>
    /// <param name="listedAt">When the option book is listed (its expiries 30 and 91 days on): <see cref="Now"/> unless given.</param>
    public static LiveMarket Create(int seed = 7, DateTimeOffset? listedAt = null)
    {
        var expiries = OptionBook.Expiries([], listedAt ?? Now);
        var options = OptionBook.Specs(expiries, 60_000)
            .Select(s => new FeedOption(s.Id, 0, s.Strike.Units, s.OptionType == Api.V1.OptionType.Call, s.Expiry.ToDateTimeOffset()))
            .ToList();
        FeedUnderlying[] underlyings =
        [
            new("BTC", 60_000, [("BTC-PERP", 60_000)], expiries, [.. Enumerable.Range(0, options.Count)]),
            new("ETH", 3_000, [("ETH-PERP", 3_000)], [], []),
        ];
        return new LiveMarket(new MarketWalk(underlyings, options, seed), [.. Enumerable.Range(0, options.Count)]);
    }
}

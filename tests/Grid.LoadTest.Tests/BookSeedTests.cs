using Grid.Api.V1;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Tests;

/// <summary>The market makers' seeded books: at least 200 option positions and 50 resting quotes across the strikes.</summary>
public sealed class BookSeedTests
{
    private static readonly string[] Makers = ["load-mm0", "load-mm1"];

    [Fact]
    public void Fills_GiveEachMarketMakerAPositionInEveryBookOption()
    {
        var market = TestMarket.Create();

        var fills = BookSeed.Fills(market, Makers, TestMarket.Now);

        Assert.Equal(2 * 200, fills.Count);
        Assert.All(fills, f => Assert.Equal(EngineMessage.BodyOneofCase.Filled, f.BodyCase));
        foreach (var maker in Makers)
        {
            var mine = fills.Where(f => f.Filled.AccountId == maker).Select(f => f.Filled).ToList();
            Assert.Equal(market.BookOptions.Select(k => market.Walk.Options[k].Id).Order(), mine.Select(f => f.InstrumentId).Order());
            Assert.All(mine, f => Assert.InRange(f.Qty.Units, 1, 5));
            Assert.All(mine, f => Assert.True(f.Price.Units > 0 || f.Price.Nanos > 0));
            Assert.Contains(mine, f => f.Side == Side.Buy);
            Assert.Contains(mine, f => f.Side == Side.Sell);
        }
    }

    [Fact]
    public void Fills_HaveStableTradeIds_SoReseedingBooksNothingTwice()
    {
        var market = TestMarket.Create();

        var first = BookSeed.Fills(market, Makers, TestMarket.Now).Select(f => f.Filled.TradeId).ToList();
        var again = BookSeed.Fills(market, Makers, TestMarket.Now.AddMinutes(5)).Select(f => f.Filled.TradeId).ToList();

        Assert.Equal(first, again);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void Quotes_Are50PerMarketMaker_AcrossStrikesExpiriesCallsAndPuts()
    {
        var market = TestMarket.Create();
        var options = market.Walk.Options.ToDictionary(o => o.Id);

        var quotes = BookSeed.Quotes(market, Makers, "run1", TestMarket.Now);

        Assert.Equal(2 * BookSeed.RestingQuotes, quotes.Count);
        var mine = quotes.Where(q => q.Check.AccountId == "load-mm0").Select(q => q.Check).ToList();
        Assert.Equal(50, mine.Count);
        Assert.Equal(50, mine.Select(q => q.InstrumentId).Distinct().Count());
        Assert.True(mine.Select(q => options[q.InstrumentId].Strike).Distinct().Count() >= 25, "spread over the strikes");
        Assert.Equal(2, mine.Select(q => options[q.InstrumentId].Expiry).Distinct().Count());
        Assert.Contains(mine, q => options[q.InstrumentId].IsCall);
        Assert.Contains(mine, q => !options[q.InstrumentId].IsCall);
        Assert.Equal(25, mine.Count(q => q.Side == Side.Buy));
        Assert.Equal(50, quotes.Select(q => q.Check.ClientOrderId).Distinct().Count() / 2);
    }

    [Fact]
    public void Quotes_BidUnderAndAskOverTheMark()
    {
        var market = TestMarket.Create();
        var index = market.Walk.Options.Select((o, k) => (o.Id, k)).ToDictionary(x => x.Id, x => x.k);

        foreach (var quote in BookSeed.Quotes(market, Makers, "run1", TestMarket.Now).Select(q => q.Check))
        {
            var mark = BookSeed.Mark(market, index[quote.InstrumentId], TestMarket.Now);
            var price = quote.Price.Units + quote.Price.Nanos / 1_000_000_000m;
            Assert.True(quote.Side == Side.Buy ? price <= mark : price >= mark, $"{quote.Side} {quote.InstrumentId} at {price}, mark {mark}");
            Assert.True(price > 0);
        }
    }
}

using Grid.Api.V1;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Tests;

/// <summary>The market makers' quotes: around the marks, and cancels and fills only of quotes the grid accepted.</summary>
public sealed class QuoteFlowTests
{
    [Fact]
    public void FirstQuotes_AreNewOrdersWithin3PercentOfTheMark()
    {
        // The flow prices its quotes at the wall clock, so the book is listed at the wall clock too, as the generator
        // lists it. Listed at the fixed TestMarket.Now, its options ran towards expiry day by day: cheap enough that
        // the 0.1 price tick outweighed the 0.5-3 % spread, the test failed from mid-December 2026 on.
        var market = TestMarket.Create(listedAt: DateTimeOffset.UtcNow);
        var makers = new[] { new EngineAccount("load-mm0", market.BookOptions.Count) };
        var flow = new QuoteFlow(makers, market, OrderMix.Default, 0.1, "t-", 1);
        var index = market.Walk.Options.Select((o, k) => (o.Id, k)).ToDictionary(x => x.Id, x => x.k);

        for (var n = 0; n < 200; n++)
        {
            var message = new EngineMessage();
            flow.Next(message, out var kind, out var account, out var order);

            Assert.Equal(MessageKind.New, kind);
            Assert.Same(makers[0], account);
            Assert.NotNull(order);
            var mark = (decimal)market.Walk.OptionMark(index[message.Check.InstrumentId], DateTimeOffset.UtcNow);
            var price = message.Check.Price.Units + message.Check.Price.Nanos / 1_000_000_000m;
            var distance = Math.Abs(price / mark - 1);
            Assert.True(price == 0.1m || distance <= 0.031m, $"{message.Check.Side} at {price}, mark {mark}");
            Assert.Equal(message.Check.Side == Side.Buy, price <= mark || price == 0.1m);
        }
    }

    [Fact]
    public void CancelsAndFills_ConcernOnlyRestingQuotes()
    {
        var market = TestMarket.Create();
        var maker = new EngineAccount("load-mm0", market.BookOptions.Count);
        var flow = new QuoteFlow([maker], market, OrderMix.Default, 0.1, "t-", 2);
        var kinds = new Dictionary<MessageKind, int>();

        for (var n = 0; n < 2_000; n++)
        {
            var message = new EngineMessage();
            var resting = maker.Resting.Select(o => o.ClientOrderId).ToHashSet();
            flow.Next(message, out var kind, out _, out var order);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            switch (kind)
            {
                case MessageKind.New:
                    maker.Pending--;
                    maker.Resting.Add(order!);
                    break;
                case MessageKind.Cancel:
                    Assert.Contains(message.Canceled.ClientOrderId, resting);
                    break;
                case MessageKind.Fill:
                    Assert.Contains(message.Filled.ClientOrderId, resting);
                    Assert.Equal(message.Filled.ClientOrderId, order!.ClientOrderId);
                    break;
            }

            Assert.InRange(maker.Open, 0, 31);
        }

        Assert.True(kinds.GetValueOrDefault(MessageKind.Cancel) > 0 && kinds.GetValueOrDefault(MessageKind.Fill) > 0, "the mix reaches cancels and fills");
    }

    [Fact]
    public void CancelAll_CancelsEveryRestingQuote()
    {
        var market = TestMarket.Create();
        var maker = new EngineAccount("load-mm0", market.BookOptions.Count);
        var flow = new QuoteFlow([maker], market, new OrderMix(1, 0, 0, 0), 0.1, "t-", 3);
        for (var n = 0; n < 5; n++)
        {
            flow.Next(new EngineMessage(), out _, out _, out var order);
            maker.Pending--;
            maker.Resting.Add(order!);
        }

        var cancels = new List<EngineMessage>();
        flow.CancelAll(cancels);

        Assert.Equal(5, cancels.Count);
        Assert.Empty(maker.Resting);
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Risk.Tests.Decisions;

/// <summary>
/// Max order size under the full decision (Rulebook §4 item 25 with the policy gates): the size
/// reported passes the check that a trader's order then gets, one step of the 1e-6 grid more does not.
/// </summary>
public sealed class MaxOrderSizeTests
{
    public static IEnumerable<object[]> Shards => Enumerable.Range(0, 10).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Shards))]
    public void OnRandomBooksAndLimits_CheckAcceptsTheMaxSize_AndRejectsTwoMicrosMore(int shard)
    {
        var cases = ConformanceCase.Cases;
        var checkedSizes = 0;
        for (var c = shard; c < cases.Count; c += 10)
        {
            var @case = cases[c];
            var book = @case.Book();
            var random = new Random(c);
            var order = @case.Order;
            var index = book.Model.Instrument(order.Instrument).Index;
            foreach (var limits in RandomLimits(random, order.Price))
            {
                var units = MaxOrderSize.Units(book, index, order.Side, order.Price, limits, default);
                var max = units / MaxOrderSize.UnitsPerContract;
                var label = $"{@case.Id} {order.Side} @ {order.Price} with {limits}: max {max}";
                if (units > 0)
                {
                    Assert.True(OrderGate.Check(book, Terms(index, order, max), limits, default).Accepted, label);
                }

                if (units < MaxOrderSize.CapUnits)
                {
                    var beyond = OrderGate.Check(book, Terms(index, order, max + 0.000002m), limits, default);
                    Assert.False(beyond.Accepted, label);
                }

                checkedSizes++;
            }
        }

        Assert.True(checkedSizes > 0);
    }

    [Fact]
    public void TheBoundaryIsResolvedToTheMicroUnit()
    {
        var book = TestMarket.Account(1e9);
        var perp = book.Model.Instrument("BTC-PERP").Index;

        var units = MaxOrderSize.Units(book, perp, Side.Buy, 60_000, new TradingLimits { MaxPosition = 4_138.790525 }, default);

        Assert.Equal(4_138_790_525, units);
    }

    [Fact]
    public void APriceOutsideTheBand_MakesItZero_AndAFrozenAccountToo()
    {
        var book = TestMarket.Account(1e6);
        var perp = book.Model.Instrument("BTC-PERP").Index;

        Assert.Equal(0, MaxOrderSize.Units(book, perp, Side.Buy, 70_000, new TradingLimits { PriceBand = 0.1 }, default));
        Assert.Equal(0, MaxOrderSize.Units(book, perp, Side.Buy, 60_000, default, new AccountControls { Frozen = true }));
        Assert.True(MaxOrderSize.Units(book, perp, Side.Buy, 60_000, default, default) > 0);
    }

    [Fact]
    public void TheMaxNotional_BoundsTheSize()
    {
        var book = TestMarket.Account(1e9);
        var perp = book.Model.Instrument("BTC-PERP").Index;

        var units = MaxOrderSize.Units(book, perp, Side.Buy, 60_000, new TradingLimits { MaxOrderNotional = 1_000_000 }, default);

        Assert.Equal(16_666_666, units);
    }

    private static OrderTerms Terms(int index, RestingOrder order, decimal qty) => new(index, order.Side, (double)qty, order.Price);

    private static IEnumerable<TradingLimits> RandomLimits(Random random, double price)
    {
        yield return default;
        yield return new TradingLimits { MaxOrderNotional = Math.Round(price * (0.5 + random.NextDouble() * 20), 2) };
        yield return new TradingLimits { MaxPosition = Math.Round(random.NextDouble() * 30, 3) };
        yield return new TradingLimits { PriceBand = random.NextDouble() * 0.05, StalePrice = random.Next(2) == 0 };
    }
}

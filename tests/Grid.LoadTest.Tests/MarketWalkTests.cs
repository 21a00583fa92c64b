using Grid.Api.V1;

namespace Grid.LoadTest.Tests;

/// <summary>The feed's market: what a step carries, and that it stays near the references.</summary>
public sealed class MarketWalkTests
{
    [Fact]
    public void Step_OfAnOptionUnderlying_CarriesIndexMarksForwardsAnd16Vols()
    {
        var walk = TestMarket.Create().Walk;

        var updates = walk.Step(0, TestMarket.Now);

        Assert.Single(updates, u => u.KindCase == PriceUpdate.KindOneofCase.Index && u.Index.Asset == "BTC");
        Assert.Single(updates, u => u.KindCase == PriceUpdate.KindOneofCase.Mark && u.Mark.InstrumentId == "BTC-PERP");
        Assert.Equal(2, updates.Count(u => u.KindCase == PriceUpdate.KindOneofCase.Forward && u.Forward.Underlying == "BTC"));
        Assert.Equal(16, updates.Count(u => u.KindCase == PriceUpdate.KindOneofCase.Vol));
        Assert.Equal(1 + 1 + 2 + 16, updates.Count);
        Assert.All(updates, u => Assert.Equal(TestMarket.Now, u.ObservedAt.ToDateTimeOffset()));
    }

    [Fact]
    public void Step_OfADeltaOneUnderlying_CarriesIndexAndMarksOnly()
    {
        var updates = TestMarket.Create().Walk.Step(1, TestMarket.Now);

        Assert.Equal([PriceUpdate.KindOneofCase.Index, PriceUpdate.KindOneofCase.Mark], updates.Select(u => u.KindCase));
        Assert.Equal("ETH-PERP", updates[1].Mark.InstrumentId);
    }

    [Fact]
    public void All_CarriesEveryKeyOnce()
    {
        var walk = TestMarket.Create().Walk;

        var updates = walk.All(TestMarket.Now);

        Assert.Equal(walk.Keys, updates.Count);
        Assert.Equal(2 + 2 + 2 + 200, updates.Count);
        Assert.Equal(200, updates.Where(u => u.KindCase == PriceUpdate.KindOneofCase.Vol).Select(u => u.Vol.InstrumentId).Distinct().Count());
    }

    [Fact]
    public void TenThousandSteps_StayWithinOnePercentOfTheReference_AndVolsWithinTheirBand()
    {
        var walk = TestMarket.Create(seed: 11).Walk;
        for (var n = 0; n < 10_000; n++)
        {
            foreach (var update in walk.Step(n % 2, TestMarket.Now))
            {
                switch (update.KindCase)
                {
                    case PriceUpdate.KindOneofCase.Index:
                        var reference = update.Index.Asset == "BTC" ? 60_000m : 3_000m;
                        Assert.InRange(Value(update.Index.Price) / reference, 0.99m, 1.0101m);
                        break;
                    case PriceUpdate.KindOneofCase.Vol:
                        Assert.InRange(Value(update.Vol.Vol), 0.55m, 0.65m);
                        break;
                }
            }
        }
    }

    [Fact]
    public void Forwards_LieAboveTheIndex_ByTheCarry()
    {
        var updates = TestMarket.Create().Walk.Step(0, TestMarket.Now);
        var index = Value(updates.Single(u => u.KindCase == PriceUpdate.KindOneofCase.Index).Index.Price);

        var forwards = updates.Where(u => u.KindCase == PriceUpdate.KindOneofCase.Forward).Select(u => Value(u.Forward.Price)).ToList();

        Assert.All(forwards, f => Assert.InRange(f / index, 1.001m, 1.02m));
        Assert.True(forwards[1] > forwards[0], "the later expiry carries more");
    }

    [Fact]
    public void OptionMarks_ArePositive_AndCallsFallWithTheStrike()
    {
        var market = TestMarket.Create();
        var walk = market.Walk;

        var calls = Enumerable.Range(0, 100).Where(k => walk.Options[k].IsCall).Select(k => walk.OptionMark(k, TestMarket.Now)).ToList();

        Assert.All(Enumerable.Range(0, walk.Options.Count), k => Assert.True(walk.OptionMark(k, TestMarket.Now) > 0));
        Assert.Equal(calls.OrderDescending(), calls);
    }

    [Fact]
    public void SameSeed_SameSteps()
    {
        var a = TestMarket.Create(seed: 3).Walk;
        var b = TestMarket.Create(seed: 3).Walk;

        for (var n = 0; n < 50; n++)
        {
            Assert.Equal(a.Step(n % 2, TestMarket.Now), b.Step(n % 2, TestMarket.Now));
        }
    }

    private static decimal Value(Api.V1.Decimal d) => d.Units + d.Nanos / 1_000_000_000m;
}

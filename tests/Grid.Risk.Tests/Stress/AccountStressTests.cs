using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Pricing;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;

namespace Grid.Risk.Tests.Stress;

/// <summary>One account under one scenario (§5.2): the worked example and each rule of the shocked market.</summary>
public sealed class AccountStressTests
{
    private static readonly StressScenario BtcDown10 = new() { Name = "BTC -10%", Moves = new Dictionary<string, double> { ["BTC"] = -0.10 } };

    [Fact]
    public void Section52Example_ReproducesAeAndPnl()
    {
        var (market, book) = Setup([BtcDown10], new() { ["USD"] = 10_000, ["BTC"] = 1 }, new Position("BTC-PERP", 2, 59_000));
        var o = Evaluate(market, book)[0];
        Assert.Equal(70_800, o.Ae, 9);
        Assert.Equal(52_920, o.AeStressed, 9);
        Assert.Equal(-17_880, o.Pnl, 9);
        Assert.Equal(0, o.Deficit);
        Assert.Equal(17_880 / book.Figures().ImPositions, o.Coverage, 12);
    }

    [Fact]
    public void Deficit_IsWhatNegativeStressedEquityLeavesUnpaid()
    {
        var (market, book) = Setup([BtcDown10], new() { ["USD"] = 5_000 }, new Position("BTC-PERP", 2, 60_000));
        var o = Evaluate(market, book)[0];
        Assert.Equal(5_000 - 12_000, o.AeStressed, 9);
        Assert.Equal(7_000, o.Deficit, 9);
    }

    [Fact]
    public void Stablecoins_ArePricedAtOnePlusMove_BalancesAndBorrows()
    {
        var depeg = new StressScenario { Name = "depeg", Moves = new Dictionary<string, double> { ["USDT"] = -0.10 } };
        var (market, book) = Setup([depeg], new() { ["USD"] = 1_000, ["USDT"] = 100_000, ["USDC"] = -20_000 });
        var o = Evaluate(market, book)[0];
        Assert.Equal(1_000 + 99_000 - 20_000, o.Ae, 9);
        Assert.Equal(1_000 + 0.9 * 99_000 - 20_000, o.AeStressed, 9);
        Assert.Equal(0.9, market.AssetPrice("USDT", 0));
        Assert.Equal(1, market.AssetPrice("USDT", -1));
    }

    [Fact]
    public void Options_AreRepricedAtTheShockedForwardAndShiftedVol_FlooredAt001()
    {
        var crash = new StressScenario
        {
            Name = "crash", Moves = new Dictionary<string, double> { ["kind:crypto"] = -0.2 }, VolShifts = new Dictionary<string, double> { ["BTC"] = 0.5 },
        };
        var calm = new StressScenario { Name = "calm", VolShifts = new Dictionary<string, double> { ["kind:crypto"] = -2 } };
        var (market, book) = Setup([crash, calm], new() { ["USD"] = 50_000 }, new Position("BTC-30D-60000-C", -3));
        var outcomes = Evaluate(market, book);
        var years = 30 / 365.0;
        var v0 = Black76.Price(true, 60_000, 60_000, years, 0.55, 1);
        Assert.Equal(50_000 - 3 * v0, outcomes[0].Ae, 6);
        Assert.Equal(50_000 - 3 * Black76.Price(true, 48_000, 60_000, years, 1.05, 1), outcomes[0].AeStressed, 6);
        Assert.Equal(50_000 - 3 * Black76.Price(true, 60_000, 60_000, years, StressMarket.VolFloor, 1), outcomes[1].AeStressed, 6);
    }

    [Fact]
    public void RestingOrders_AreIgnored()
    {
        var (market, book) = Setup([BtcDown10], new() { ["USD"] = 10_000, ["BTC"] = 1 }, new Position("BTC-PERP", 2, 59_000));
        var before = Evaluate(market, book);
        book.AddOrder(new RestingOrder("BTC-PERP", Side.Buy, 5, 58_000, "o1"));
        book.AddOrder(new RestingOrder("BTC-30D-60000-C", Side.Sell, 2, 4_000, "o2"));
        var after = Evaluate(market, book);
        Assert.Equal(before[0].AeStressed, after[0].AeStressed);
        Assert.Equal(before[0].Ae, after[0].Ae);
    }

    [Fact]
    public void UnpricedHeldAsset_BookThrows_ReplicaIsNotValued()
    {
        var noEth = TestMarket.Market() with { Index = new Dictionary<string, double> { ["BTC"] = 60_000 } };
        var model = TestMarket.Model(noEth);
        var market = StressMarket.Build(model, [BtcDown10], 0);
        var book = AccountBook.Create(model, new Portfolio { Balances = new Dictionary<string, double> { ["ETH"] = 1 } });
        Assert.Throws<RiskInputException>(() => market.Evaluate(book, new StressOutcome[1]));

        var priced = AccountBook.Create(TestMarket.Model(), new Portfolio { Balances = new Dictionary<string, double> { ["ETH"] = 1 } });
        var replica = MonitoredAccount.From("a", 1, priced);
        var other = StressMarket.Build(priced.Model, [BtcDown10], 0);
        Assert.True(other.TryEvaluate(replica, new StressOutcome[1]));
        Assert.True(replica.Align(model));
        Assert.False(market.TryEvaluate(replica, new StressOutcome[1]));
    }

    [Fact]
    public void OtherLayout_BookIsRefused_ReplicaIsNotValued()
    {
        var (market, _) = Setup([BtcDown10], new() { ["USD"] = 1 });
        var elsewhere = AccountBook.Create(
            RiskModel.Build(Rulebook.Default, [TestMarket.Perp], TestMarket.Market()), new Portfolio { Positions = [new Position("BTC-PERP", 1, 60_000)] });
        Assert.Throws<ArgumentException>(() => market.Evaluate(elsewhere, new StressOutcome[1]));
        Assert.False(market.TryEvaluate(MonitoredAccount.From("x", 1, elsewhere), new StressOutcome[1]));
        Assert.Throws<ArgumentException>(() => market.Evaluate(AccountBook.Create(market.Model, new Portfolio()), []));
    }

    [Fact]
    public void Build_FromTheRulebook_TakesItsScenariosFundVersionAndInstant()
    {
        var market = StressMarket.Build(TestMarket.Model());
        Assert.Equal(6, market.Count);
        Assert.Equal(50_000_000, market.GuaranteeFund);
        Assert.Equal(Rulebook.Default.Version, market.RulebookVersion);
        Assert.Equal(TestMarket.AsOf, market.AsOf);
        Assert.Equal(3, market.IndexOf("hedge break"));
        Assert.Equal(36_000, market.Instrument("BTC-PERP", 3).Mark, 9);
        Assert.Equal(30_000, market.AssetPrice("BTC", 0), 9);
        Assert.Equal(1, market.AssetPrice("USD", 4));
    }

    [Fact]
    public void Coverage_IsZeroWithoutRequirement()
    {
        Assert.Equal(0, new StressOutcome(100, 50, 0).Coverage);
        Assert.Equal(2.5, new StressOutcome(100, 50, 20).Coverage);
        Assert.Equal(0, new StressOutcome(100, 150, 20).Coverage);
    }

    private static (StressMarket, AccountBook) Setup(StressScenario[] scenarios, Dictionary<string, double> balances, params Position[] positions)
    {
        var model = TestMarket.Model();
        var book = AccountBook.Create(model, new Portfolio { Balances = balances, Positions = positions });
        return (StressMarket.Build(model, scenarios, 0), book);
    }

    private static StressOutcome[] Evaluate(StressMarket market, AccountBook book)
    {
        var outcomes = new StressOutcome[market.Count];
        market.Evaluate(book, outcomes);
        return outcomes;
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Monitoring;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;

namespace Grid.Risk.Tests.Stress;

/// <summary>House figures (§5.3): a hand-computed small house, and partials merged in any split equal one pass.</summary>
public sealed class HouseStressTests
{
    private static readonly StressScenario Down10 = new() { Name = "BTC -10%", Moves = new Dictionary<string, double> { ["BTC"] = -0.10 } };
    private static readonly StressScenario Down20 = new() { Name = "BTC -20%", Moves = new Dictionary<string, double> { ["BTC"] = -0.20 } };
    private static readonly StressScenario Up20 = new() { Name = "BTC +20%", Moves = new Dictionary<string, double> { ["BTC"] = 0.20 } };

    [Fact]
    public void SmallHouse_HandComputed()
    {
        // Each account: USD cash and a BTC perp entered at the mark (60,000): AE = cash, P&L = q·60,000·move.
        var model = TestMarket.Model();
        var market = StressMarket.Build(model, [Down10, Down20, Up20], 10_000);
        (string, AccountBook)[] accounts =
        [
            ("a", Perp(model, 5_000, 2)),      // −10%: AE′ −7,000;  −20%: −19,000; +20%: 29,000
            ("b", Perp(model, 20_000, 3)),     // −10%:  2,000;      −20%: −16,000; +20%: 56,000
            ("c", Perp(model, 1_000, -1)),     // −10%:  7,000;      −20%:  13,000; +20%: −11,000
            ("d", Perp(model, 5_000, 2)),      // same as a: ties on deficit and loss are broken by id
            ("e", Perp(model, 100_000, 0.5)),  // −10%: 97,000;      −20%:  94,000; +20%: 106,000
        ];
        var r = HouseStress.Of(market, accounts, top: 3).Result();

        Assert.Equal(("BTC -10%", 5L, 0L), (r.Scenarios[0].Scenario, r.Accounts, r.Skipped));
        var down10 = r.Scenarios[0];
        Assert.Equal(-12_000 - 18_000 + 6_000 - 12_000 - 3_000, down10.TotalPnl, 9);
        Assert.Equal(14_000, down10.TotalDeficit, 9);
        Assert.Equal(2, down10.AccountsInDeficit);
        Assert.Equal((7_000.0, 14_000.0), (down10.Cover1, down10.Cover2));
        Assert.Equal(10_000 / 14_000.0, down10.CoverageRatio, 12);
        Assert.False(down10.Covered);
        Assert.Equal(["a", "d", "b"], down10.Top.Select(t => t.AccountId));

        var down20 = r.Scenarios[1];
        Assert.Equal(19_000 + 16_000 + 19_000, down20.TotalDeficit, 9);
        Assert.Equal((19_000.0, 38_000.0), (down20.Cover1, down20.Cover2));
        Assert.Equal(["a", "d", "b"], down20.Top.Select(t => t.AccountId));

        var up20 = r.Scenarios[2];
        Assert.Equal((11_000.0, 11_000.0, 1L), (up20.Cover1, up20.Cover2, up20.AccountsInDeficit));
        Assert.Equal(["c", "e", "a"], up20.Top.Select(t => t.AccountId)); // then by loss: e gains least, a and d tie and a comes first
        Assert.Equal(1, r.WorstScenario);
        Assert.Same(r.Scenarios[1], r.Worst);
        Assert.Equal((model.Rulebook.Version, TestMarket.AsOf, 10_000.0), (r.RulebookVersion, r.MarketAsOf, r.GuaranteeFund));
    }

    [Fact]
    public void NoDeficit_CoverageIsInfinite_WorstIsTheFirstScenario()
    {
        var model = TestMarket.Model();
        var market = StressMarket.Build(model, [Down10, Up20], 0);
        var r = HouseStress.Of(market, [("rich", Perp(model, 1_000_000, 1))]).Result();
        Assert.All(r.Scenarios, s => Assert.Equal(double.PositiveInfinity, s.CoverageRatio));
        Assert.Equal(0, r.WorstScenario);
        var empty = new HouseStress(model.Rulebook.Version, [], 1, TestMarket.AsOf).Result();
        Assert.Equal((-1, 0L), (empty.WorstScenario, empty.Accounts));
        Assert.Null(empty.Worst);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 7)]
    public void MergedPartials_EqualOnePass(int seed, int parts)
    {
        var model = StressHouse.Model();
        var market = StressMarket.Build(model);
        var accounts = StressHouse.Accounts(model, 400, seed);
        var one = HouseStress.Of(market, accounts, top: 5);

        var random = new Random(seed);
        var shuffled = accounts.OrderBy(_ => random.Next()).ToList();
        var partials = Enumerable.Range(0, parts).Select(p => HouseStress.Of(market, shuffled.Where((_, i) => i % parts == p), top: 5)).ToList();
        var merged = new HouseStress(market, top: 5);
        foreach (var p in partials.OrderBy(_ => random.Next()))
        {
            merged.Merge(p);
        }

        AssertSame(one.Result(), merged.Result());
        Assert.Contains(one.Result().Scenarios, s => s.AccountsInDeficit > 0);
    }

    [Fact]
    public void Monitor_StressEqualsOnePassOverTheBooks_AndRestoredPartialsMerge()
    {
        var model = StressHouse.Model();
        var market = StressMarket.Build(model);
        var accounts = StressHouse.Accounts(model, 300, 11);
        var monitor = new MarginMonitor(partitions: 5);
        foreach (var (id, book) in accounts)
        {
            monitor.Upsert(MonitoredAccount.From(id, 1, book));
        }

        var expected = HouseStress.Of(market, accounts).Result();
        var fromMonitor = monitor.Stress(market);
        AssertSame(expected, fromMonitor.Result());

        var restored = HouseStress.Restore(
            fromMonitor.RulebookVersion, fromMonitor.GuaranteeFund, fromMonitor.MarketAsOf, fromMonitor.MarketAsOfLatest, fromMonitor.Accounts, fromMonitor.Skipped,
            [.. fromMonitor.Tallies.Select(t => ScenarioTally.Restore(t.Scenario, t.Capacity, new ExactSum(t.Pnl.High, t.Pnl.Low), new ExactSum(t.Deficit.High, t.Deficit.Low), t.InDeficit, t.Top.ToArray()))]);
        AssertSame(expected, restored.Result());
    }

    [Fact]
    public void Monitor_ReplicasOfAnOlderLayoutAreAligned_UnpricedOnesSkipped()
    {
        var old = StressHouse.Model();
        var accounts = StressHouse.Accounts(old, 50, 5);
        var monitor = new MarginMonitor(partitions: 3);
        foreach (var (id, book) in accounts)
        {
            monitor.Upsert(MonitoredAccount.From(id, 1, book));
        }

        var fewer = Risk.Market.RiskModel.Build(old.Rulebook, [.. old.Instruments.Select(i => i.Spec).Where(s => s.Id != "ETH-PERP")], old.Market);
        var house = monitor.Stress(StressMarket.Build(fewer));
        var holdingEth = accounts.Count(a => a.Book.PositionOf("ETH-PERP") != 0);
        Assert.True(holdingEth > 0);
        Assert.Equal((50L - holdingEth, (long)holdingEth), (house.Accounts, house.Skipped));
    }

    [Fact]
    public void Merge_OfAnotherRun_IsRefused()
    {
        var model = TestMarket.Model();
        var a = new HouseStress(StressMarket.Build(model, [Down10], 0));
        Assert.Throws<ArgumentException>(() => a.Merge(new HouseStress(StressMarket.Build(model, [Down20], 0))));
        Assert.Throws<ArgumentException>(() => a.Merge(new HouseStress("other", ["BTC -10%"], 0, TestMarket.AsOf)));
        Assert.Throws<ArgumentException>(() => a.Add("x", [new StressOutcome(1, double.NaN, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioTally("s", 1));
    }

    [Fact]
    public void ExactSum_DoesNotDependOnOrder_AndRoundTripsItsParts()
    {
        var random = new Random(3);
        var terms = Enumerable.Range(0, 10_000).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 13))).ToArray();
        var forward = default(ExactSum);
        foreach (var t in terms)
        {
            forward.Add(t);
        }

        var backward = default(ExactSum);
        for (var i = terms.Length - 1; i >= 0; i--)
        {
            backward.Add(terms[i]);
        }

        Assert.Equal(forward, backward);
        Assert.Equal(forward, new ExactSum(forward.High, forward.Low));
        Assert.Equal(terms.Sum(), forward.Value, 1.0); // the naive double sum is itself off by cents at 1e13
        var big = default(ExactSum);
        big.Add(-3e15);
        big.Add(1e-3);
        Assert.Equal(-3e15, big.Value, 1);
        Assert.True(big.High < 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => big.Add(double.PositiveInfinity));
    }

    private static AccountBook Perp(Risk.Market.RiskModel model, double usd, double qty)
        => AccountBook.Create(model, new Portfolio { Balances = new Dictionary<string, double> { ["USD"] = usd }, Positions = [new Position("BTC-PERP", qty, 60_000)] });

    private static void AssertSame(HouseStressResult expected, HouseStressResult actual)
    {
        Assert.Equal(expected with { Scenarios = [] }, actual with { Scenarios = [] });
        Assert.Equal(expected.Scenarios.Count, actual.Scenarios.Count);
        for (var s = 0; s < expected.Scenarios.Count; s++)
        {
            Assert.Equal(expected.Scenarios[s] with { Top = [] }, actual.Scenarios[s] with { Top = [] });
            Assert.Equal(expected.Scenarios[s].Top, actual.Scenarios[s].Top);
        }
    }
}

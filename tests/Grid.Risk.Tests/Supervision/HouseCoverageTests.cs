using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Supervision;

/// <summary>
/// What the cluster's house runs need of a silo's monitor: collateral-only accounts are held and
/// stressed but never re-margined; accounts another silo counts are left out of every house figure;
/// a replica can be loaded on its own (the report's pages).
/// </summary>
public sealed class HouseCoverageTests
{
    [Fact]
    public void CollateralOnlyAccounts_AreStressed_ButNeverRemargined()
    {
        var model = StressHouse.Model();
        var accounts = StressHouse.Accounts(model, 40, 3);
        var holders = new List<(string Id, AccountBook Book)>
        {
            ("coins", AccountBook.Create(model, new Portfolio { Balances = new Dictionary<string, double> { ["BTC"] = 2, ["USDT"] = 5_000 } })),
            ("stocks", AccountBook.Create(model, new Portfolio { Balances = new Dictionary<string, double> { ["SPY"] = 100 } })),
        };
        var monitor = new MarginMonitor(partitions: 3);
        foreach (var (id, book) in accounts.Concat(holders))
        {
            monitor.Upsert(MonitoredAccount.From(id, 1, book));
        }

        var coins = monitor.Find("coins")!;
        Assert.False(coins.Margined);
        Assert.False(coins.IsEmpty);
        Assert.True(monitor.Find(accounts[0].Id)!.Margined);
        Assert.True(MonitoredAccount.From("empty", 1, AccountBook.Create(model, new Portfolio())).IsEmpty);

        var sweep = monitor.Sweep(model);
        Assert.Equal(accounts.Count, sweep.Evaluated);

        // They lose value in a crash: the house P&L counts them, the deficits cannot.
        var market = StressMarket.Build(model);
        var house = monitor.Stress(market).Result();
        Assert.Equal(42, house.Accounts);
        Assert.Equal(HouseStress.Of(market, accounts.Concat(holders)).Result().Scenarios[0].TotalPnl, house.Scenarios[0].TotalPnl);
        Assert.NotEqual(HouseStress.Of(market, accounts).Result().Scenarios[0].TotalPnl, house.Scenarios[0].TotalPnl);
    }

    [Fact]
    public void ExcludedAccounts_AreInNoFigure_OfStressDependencyImpactOrVisit()
    {
        var model = StressHouse.Model();
        var accounts = StressHouse.Accounts(model, 60, 9);
        var monitor = new MarginMonitor(partitions: 4);
        foreach (var (id, book) in accounts)
        {
            monitor.Upsert(MonitoredAccount.From(id, 1, book));
        }

        var excluded = accounts.Take(7).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var kept = accounts.Skip(7).ToList();
        var market = StressMarket.Build(model);

        var stress = monitor.Stress(market, excluded: excluded).Result();
        var expected = HouseStress.Of(market, kept).Result();
        Assert.Equal(expected.Accounts, stress.Accounts);
        Assert.Equal(expected.Scenarios.Select(s => (s.TotalPnl, s.TotalDeficit, s.Cover2)), stress.Scenarios.Select(s => (s.TotalPnl, s.TotalDeficit, s.Cover2)));
        Assert.Equal(HouseDependency.Of(kept.Select(a => a.Book)).Result().Im, monitor.Dependency(model, excluded).Result().Im);
        Assert.Equal(53, monitor.Impact(model, model, excluded: excluded).Accounts);
        var visited = new List<string>();
        monitor.Visit(model, (r, _) => visited.Add(r.Id), excluded);
        Assert.Equal(kept.Select(a => a.Id).Order(StringComparer.Ordinal), visited.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryLoad_LoadsOneReplica_AndRefusesWhatTheModelCannotPrice()
    {
        var model = StressHouse.Model();
        var (id, book) = StressHouse.Accounts(model, 30, 4).First(a => a.Book.PositionOf("BTC-INV") != 0);
        var monitor = new MarginMonitor(partitions: 2);
        monitor.Upsert(MonitoredAccount.From(id, 1, book));
        var loaded = AccountBook.Empty(model);

        Assert.True(monitor.TryLoad(monitor.Find(id)!, loaded, model));
        Assert.Equal(book.Figures().Im, loaded.Figures().Im);
        var fewer = RiskModel.Build(model.Rulebook, [.. model.Instruments.Select(i => i.Spec).Where(s => s.Id != "BTC-INV")], model.Market);
        Assert.False(monitor.TryLoad(monitor.Find(id)!, AccountBook.Empty(fewer), fewer));
    }
}

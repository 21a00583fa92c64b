using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Supervision;

/// <summary>A silo's part of §5.4 and §5.6 over its margin monitor equals the same figures over the accounts' books.</summary>
public sealed class MonitorSupervisionTests
{
    [Fact]
    public void Dependency_OverTheMonitor_EqualsTheBooks()
    {
        var (model, accounts, monitor) = Setup();
        var expected = HouseDependency.Of(accounts.Select(a => a.Book)).Result();
        var actual = monitor.Dependency(model).Result();
        Assert.Equal(expected with { Credits = [], CreditsPositions = [], Transitions = [] }, actual with { Credits = [], CreditsPositions = [], Transitions = [] });
        Assert.Equal(expected.Credits, actual.Credits);
        Assert.Equal(expected.Transitions, actual.Transitions);
    }

    [Fact]
    public void Visit_GivesEveryAccountsLine_AndSkipsWhatTheModelCannotPrice()
    {
        var (model, accounts, monitor) = Setup();
        var stress = StressMarket.Build(model);
        var lines = new Dictionary<string, SupervisoryLine>();
        var (visited, skipped) = monitor.Visit(model, (r, book) => lines[r.Id] = SupervisoryLine.Of(r.Id, book, stress));
        Assert.Equal((100L, 0L), (visited, skipped));
        foreach (var (id, book) in accounts)
        {
            var expected = SupervisoryLine.Of(id, book, stress);
            Assert.Equal(expected.Scenarios, lines[id].Scenarios);
            Assert.Equal(expected.Collateral, lines[id].Collateral);
            Assert.Equal(expected.Margin with { Credits = [], CreditsPositions = [] }, lines[id].Margin with { Credits = [], CreditsPositions = [] });
        }

        var fewer = RiskModel.Build(model.Rulebook, [.. model.Instruments.Select(i => i.Spec).Where(s => s.Id != "BTC-INV")], model.Market);
        var holders = accounts.Count(a => a.Book.PositionOf("BTC-INV") != 0);
        Assert.Equal((100L - holders, (long)holders), monitor.Visit(fewer, (_, _) => { }));
        Assert.Equal(holders, monitor.Dependency(fewer).Skipped);
    }

    private static (RiskModel, List<(string Id, AccountBook Book)>, MarginMonitor) Setup()
    {
        var model = StressHouse.Model();
        var accounts = StressHouse.Accounts(model, 100, 31);
        var monitor = new MarginMonitor(partitions: 3);
        foreach (var (id, book) in accounts)
        {
            monitor.Upsert(MonitoredAccount.From(id, 1, book));
        }

        return (model, accounts, monitor);
    }
}

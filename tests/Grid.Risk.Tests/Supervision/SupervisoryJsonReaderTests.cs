using Grid.Risk.Accounts;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Supervision;

/// <summary>The report's JSON Lines read back give the same lines and house figures, so a client writes the same files.</summary>
public sealed class SupervisoryJsonReaderTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AccountLines_RoundTrip_TextForText()
    {
        var model = StressHouse.Model();
        var market = StressMarket.Build(model);
        foreach (var (id, book) in StressHouse.Accounts(model, 60, 17))
        {
            var line = SupervisoryLine.Of(id, book, market);
            var json = SupervisoryJson.Account(line);
            var read = SupervisoryJsonReader.Account(json);
            Assert.Equal(json, SupervisoryJson.Account(read));
            Assert.Equal(SupervisoryCsv.AccountRow(line), SupervisoryCsv.AccountRow(read));
            Assert.Equal(SupervisoryCsv.CreditRows(line), SupervisoryCsv.CreditRows(read));
            Assert.Equal(line.Scenarios, read.Scenarios);
            Assert.Equal(line.Collateral, read.Collateral);
        }
    }

    [Fact]
    public void HouseLines_RoundTrip_InfiniteCoverageAndWorstScenarioIncluded()
    {
        var model = StressHouse.Model();
        var market = StressMarket.Build(model);
        var accounts = StressHouse.Accounts(model, 80, 23);
        var stress = HouseStress.Of(market, accounts).Result();
        var dependency = HouseDependency.Of(accounts.Select(a => a.Book)).Result();
        Assert.Contains(stress.Scenarios, s => double.IsPositiveInfinity(s.CoverageRatio) || s.Cover2 > 0);
        var lines = SupervisoryJson.House(GeneratedAt, stress, dependency).ToList();

        var (at, readStress, readDependency) = SupervisoryJsonReader.House(lines);

        Assert.Equal(GeneratedAt, at);
        Assert.Equal(lines, SupervisoryJson.House(at, readStress, readDependency));
        Assert.Equal(stress.WorstScenario, readStress.WorstScenario);
        Assert.Equal(SupervisoryCsv.HouseRows(GeneratedAt, stress, dependency), SupervisoryCsv.HouseRows(at, readStress, readDependency));
        Assert.Equal(SupervisoryCsv.HouseTopRows(stress), SupervisoryCsv.HouseTopRows(readStress));
        Assert.Equal(SupervisoryCsv.HouseTransitionRows(dependency), SupervisoryCsv.HouseTransitionRows(readDependency));
    }

    [Fact]
    public void ALineThatIsNotAReportLine_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => SupervisoryJsonReader.Account("{ nope"));
        Assert.Throws<FormatException>(() => SupervisoryJsonReader.Account("{\"account\":\"a\"}"));
        Assert.Throws<FormatException>(() => SupervisoryJsonReader.House(["{\"record\":\"run\"}"]));
        var model = StressHouse.Model();
        var line = SupervisoryLine.Of("x", AccountBook.Create(model, new Portfolio()), StressMarket.Build(model));
        Assert.Throws<FormatException>(() => SupervisoryJsonReader.Account(SupervisoryJson.Account(line).Replace("\"OK\"", "\"FINE\"", StringComparison.Ordinal)));
    }
}

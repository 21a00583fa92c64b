using System.Globalization;
using System.Text.Json;
using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Supervision;

/// <summary>The supervisory report (§5.6): written as JSON Lines and CSV, and the house figures of §5.3 and §5.4 recomputed from the files alone.</summary>
public sealed class SupervisoryReportTests : IDisposable
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grid-report-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void HouseFigures_AreRecomputedFromTheFiles()
    {
        var (stress, dependency, lines) = WriteReport();
        Assert.All(SupervisoryReportWriter.Files, f => Assert.True(File.Exists(Path.Combine(_directory, f)), f));
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "default-rulebook.json")), File.ReadAllText(Path.Combine(_directory, "rulebook.json")));
        Assert.Equal(6, RulebookReader.Parse(File.ReadAllText(Path.Combine(_directory, "rulebook.json"))).Stress.Scenarios.Count);

        // §5.3 from accounts.jsonl and from account-scenarios.csv, against house.jsonl and house-scenarios.csv.
        var json = File.ReadLines(Path.Combine(_directory, "accounts.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(lines.Count, json.Count);
        var fromJson = json.SelectMany(a => a.GetProperty("scenarios").EnumerateArray().Select(s =>
            (Account: a.GetProperty("account").GetString()!, Scenario: s.GetProperty("scenario").GetString()!, Pnl: s.GetProperty("pnl").GetDouble(), Deficit: s.GetProperty("deficit").GetDouble()))).ToList();
        var fromCsv = Csv("account-scenarios.csv").Select(r => (Account: r[0], Scenario: r[1], Pnl: D(r[4]), Deficit: D(r[5]))).ToList();
        Assert.Equal(fromJson, fromCsv);

        var house = File.ReadLines(Path.Combine(_directory, "house.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(("run", "dependency"), (house[0].GetProperty("record").GetString(), house[^1].GetProperty("record").GetString()));
        var fund = house[0].GetProperty("guaranteeFund").GetDouble();
        var worst = (Name: "", Cover2: -1.0);
        var houseCsv = Csv("house-scenarios.csv");
        for (var s = 0; s < stress.Scenarios.Count; s++)
        {
            var name = stress.Scenarios[s].Scenario;
            var rows = fromJson.Where(r => r.Scenario == name).ToList();
            ExactSum pnl = default, deficit = default;
            rows.ForEach(r => pnl.Add(r.Pnl));
            rows.Where(r => r.Deficit > 0).ToList().ForEach(r => deficit.Add(r.Deficit));
            var largest = rows.Select(r => r.Deficit).OrderDescending().ToList();
            var cover2 = largest[0] + largest[1];
            var written = house[s + 1];
            Assert.Equal(name, written.GetProperty("scenario").GetString());
            Assert.Equal(pnl.Value, written.GetProperty("totalPnl").GetDouble());
            Assert.Equal(deficit.Value, written.GetProperty("totalDeficit").GetDouble());
            Assert.Equal(rows.Count(r => r.Deficit > 0), written.GetProperty("accountsInDeficit").GetInt64());
            Assert.Equal(largest[0], written.GetProperty("cover1").GetDouble());
            Assert.Equal(cover2, written.GetProperty("cover2").GetDouble());
            Assert.Equal(cover2 > 0 ? (fund / cover2).ToString("R", CultureInfo.InvariantCulture) : "inf", Text(written.GetProperty("coverageRatio")));
            Assert.Equal([name, R(pnl.Value), R(deficit.Value)], houseCsv[s][..3]);
            Assert.Equal(R(cover2), houseCsv[s][5]);
            worst = cover2 > worst.Cover2 ? (name, cover2) : worst;
        }

        Assert.Equal(worst.Name, house[0].GetProperty("worstScenario").GetString());
        Assert.Equal(worst.Name, houseCsv.Single(r => r[8] == "true")[0]);
        Assert.Contains(stress.Scenarios, s => s.AccountsInDeficit >= 2);

        // §5.4 from accounts.csv and account-credits.csv, against house.csv and house-credits.csv.
        var accounts = Csv("accounts.csv");
        var figures = Csv("house.csv").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(R(Sum(accounts.Select(r => D(r[10])))), figures["siloedTotal"]);
        Assert.Equal(R(Sum(accounts.Select(r => D(r[11])))), figures["crossTotal"]);
        Assert.Equal(R(Sum(accounts.Select(r => D(r[8])))), figures["creditTotal"]);
        Assert.Equal(R(Sum(accounts.Select(r => D(r[4])))), figures["im"]);
        Assert.Equal(R(Sum(accounts.Select(r => D(r[12])))), figures["imWithoutCredits"]);
        var leaving = accounts.Where(r => r[7] == "OK" && r[14] != "OK").ToList();
        Assert.NotEmpty(leaving);
        Assert.Equal(leaving.Count.ToString(CultureInfo.InvariantCulture), figures["leavingOk"]);
        Assert.Equal(R(Sum(leaving.Select(r => Math.Max(0, D(r[12]) - D(r[3]))))), figures["calledIm"]);
        var credits = Csv("account-credits.csv");
        foreach (var pair in Csv("house-credits.csv"))
        {
            Assert.Equal(R(Sum(credits.Where(c => c[1] == pair[0] && c[4] == "orders").Select(c => D(c[5])))), pair[3]);
            Assert.Equal(R(Sum(credits.Where(c => c[1] == pair[0] && c[4] == "positions").Select(c => D(c[5])))), pair[4]);
        }

        Assert.Equal(R(dependency.CalledIm), figures["calledIm"]);
        Assert.Equal((stress.RulebookVersion, "2026-11-25T09:00:00.0000000Z"), (figures["rulebookVersion"], figures["generatedAt"]));
    }

    [Fact]
    public void Lines_CarryCollateralWithHaircutAndValue()
    {
        var (_, _, lines) = WriteReport();
        var line = lines.First(l => l.Collateral.Any(c => c.Asset == "BTC" && c.Quantity > 0));
        var btc = line.Collateral.Single(c => c.Asset == "BTC");
        Assert.Equal(0.02, btc.Haircut, 9);
        Assert.Equal(btc.Quantity * 60_000 * 0.98, btc.Value, 6);
        Assert.Equal(0, line.Collateral.Single(c => c.Asset == "SPY").Haircut, 12);
        var row = Csv("account-collateral.csv").First(r => r[0] == line.AccountId && r[1] == "BTC");
        Assert.Equal(btc.Value, D(row[5]));
        Assert.Equal(6, line.Scenarios.Count);
    }

    [Fact]
    public void CsvFields_WithCommasAndQuotes_AreQuoted()
    {
        var model = StressHouse.Model();
        var book = AccountBook.Create(model, new Portfolio { Balances = new Dictionary<string, double> { ["USD"] = 1 } });
        var line = SupervisoryLine.Of("a,\"b\"", book, StressMarket.Build(model));
        Assert.StartsWith("\"a,\"\"b\"\"\",PM,1,", SupervisoryCsv.AccountRow(line), StringComparison.Ordinal);
        Assert.Equal("a,\"b\"", JsonDocument.Parse(SupervisoryJson.Account(line)).RootElement.GetProperty("account").GetString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, true);
        }
    }

    private (HouseStressResult, HouseDependencyResult, List<SupervisoryLine>) WriteReport()
    {
        var model = StressHouse.Model();
        var market = StressMarket.Build(model);
        var accounts = StressHouse.Accounts(model, 150, 12);
        accounts.Add(("hedged", AccountBook.Create(model, new Portfolio
        {
            Balances = new Dictionary<string, double> { ["USD"] = 15_000 },
            Positions = [new Position("BTC-PERP", 1, 60_010), new Position("ETH-PERP", -20, 3_001)],
        })));
        var stress = HouseStress.Of(market, accounts).Result();
        var dependency = HouseDependency.Of(accounts.Select(a => a.Book)).Result();
        var lines = accounts.Select(a => SupervisoryLine.Of(a.Id, a.Book, market)).ToList();
        using (var writer = new SupervisoryReportWriter(_directory))
        {
            lines.ForEach(writer.Add);
            writer.Complete(GeneratedAt, stress, dependency, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "default-rulebook.json")));
            Assert.Equal(lines.Count, writer.Accounts);
        }

        return (stress, dependency, lines);
    }

    private List<string[]> Csv(string file) => File.ReadLines(Path.Combine(_directory, file)).Skip(1).Select(l => l.Split(',')).ToList();

    private static double Sum(IEnumerable<double> values)
    {
        var sum = default(ExactSum);
        foreach (var v in values)
        {
            sum.Add(v);
        }

        return sum.Value;
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetDouble().ToString("R", CultureInfo.InvariantCulture);
}

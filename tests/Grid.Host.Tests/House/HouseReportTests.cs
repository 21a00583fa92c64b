using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grid.Risk.Stress;
using Grid.Testing;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.House;

/// <summary>
/// `grid report --out DIR` against the real host (Rulebook §5.6): the files it writes hold every account
/// line, and the house figures of §5.3 and §5.4 recompute from the account lines alone.
/// </summary>
[Collection(HouseHost.Name)]
public sealed class HouseReportTests(HouseHostFixture grid) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grid-report-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheFilesTheCliWrites_RecomputeTheHouseFigures()
    {
        for (var i = 0; i < 6; i++)
        {
            await grid.Deposit($"report-{i}", "USD", 20_000 + 5_000 * i);
            await using var engine = grid.Stream();
            await engine.Send(Fill(0, $"report-{i}", "f", "t1", 1 + i, 60_000, "BTC-PERP", i % 2 == 0 ? Side.Buy : Side.Sell));
            await engine.Send(Fill(0, $"report-{i}", "g", "t2", 10, 3_000, "ETH-PERP", i % 2 == 0 ? Side.Sell : Side.Buy));
        }

        var (code, output) = await Cli("report", "--out", _directory);
        Assert.True(code == 0, output);
        Assert.Contains("written to", output, StringComparison.Ordinal);

        var accounts = Lines("accounts.jsonl");
        Assert.Contains(accounts, a => a.GetProperty("account").GetString() == "report-5");
        Assert.Equal(accounts.Count, accounts.Select(a => a.GetProperty("account").GetString()).Distinct().Count());
        var house = Lines("house.jsonl");
        var run = house[0];
        Assert.Equal(accounts.Count, run.GetProperty("accounts").GetInt64());
        var fund = run.GetProperty("guaranteeFund").GetDouble();
        var worst = (Name: "", Cover2: -1.0);
        foreach (var written in house.Where(h => h.GetProperty("record").GetString() == "scenario"))
        {
            var name = written.GetProperty("scenario").GetString()!;
            var rows = accounts.Select(a => a.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("scenario").GetString() == name)).ToList();
            ExactSum pnl = default, deficit = default;
            rows.ForEach(r => pnl.Add(r.GetProperty("pnl").GetDouble()));
            rows.Select(r => r.GetProperty("deficit").GetDouble()).Where(d => d > 0).ToList().ForEach(d => deficit.Add(d));
            var largest = rows.Select(r => r.GetProperty("deficit").GetDouble()).OrderDescending().ToList();
            var cover2 = largest[0] + largest[1];
            Assert.Equal(pnl.Value, written.GetProperty("totalPnl").GetDouble());
            Assert.Equal(deficit.Value, written.GetProperty("totalDeficit").GetDouble());
            Assert.Equal(rows.Count(r => r.GetProperty("deficit").GetDouble() > 0), written.GetProperty("accountsInDeficit").GetInt64());
            Assert.Equal(cover2, written.GetProperty("cover2").GetDouble());
            var ratio = written.GetProperty("coverageRatio");
            Assert.Equal(cover2 > 0 ? fund / cover2 : double.PositiveInfinity, ratio.ValueKind == JsonValueKind.String ? double.PositiveInfinity : ratio.GetDouble());
            worst = cover2 > worst.Cover2 ? (name, cover2) : worst;
        }

        Assert.Equal(worst.Name, run.GetProperty("worstScenario").GetString());
        var dependency = house[^1];
        ExactSum im = default, without = default, credit = default;
        accounts.ForEach(a => im.Add(a.GetProperty("im").GetDouble()));
        accounts.ForEach(a => without.Add(a.GetProperty("imWithoutCredits").GetDouble()));
        accounts.ForEach(a => credit.Add(a.GetProperty("creditTotal").GetDouble()));
        Assert.Equal((im.Value, without.Value, credit.Value), (dependency.GetProperty("im").GetDouble(), dependency.GetProperty("imWithoutCredits").GetDouble(), dependency.GetProperty("creditTotal").GetDouble()));

        // The CSV tables say the same, and the rulebook document is the one in force.
        var csvTotals = File.ReadLines(Path.Combine(_directory, "house-scenarios.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0], r => double.Parse(r[1], CultureInfo.InvariantCulture));
        Assert.All(house.Where(h => h.GetProperty("record").GetString() == "scenario"), h => Assert.Equal(h.GetProperty("totalPnl").GetDouble(), csvTotals[h.GetProperty("scenario").GetString()!]));
        Assert.Equal(File.ReadLines(Path.Combine(_directory, "accounts.csv")).Count() - 1, accounts.Count);
        var rulebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "rulebook.json"))).RootElement;
        Assert.Equal(run.GetProperty("rulebookVersion").GetString(), rulebook.GetProperty("version").GetString());
        Assert.Equal(run.GetProperty("rulebookVersion").GetString(), (await grid.Admin.GetRulebookAsync(new GetRulebookRequest())).Info.Version);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, true);
        }
    }

    private List<JsonElement> Lines(string file) => [.. File.ReadLines(Path.Combine(_directory, file)).Select(l => JsonDocument.Parse(l).RootElement)];

    // The CLI as an operator runs it, with the host's admin key.
    private async Task<(int Code, string Output)> Cli(params string[] args)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var cli = Path.Combine(HostBinary.RepositoryRoot, "src", "Grid.Cli", "bin", here.Parent!.Name, here.Name, "grid.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "--server", $"http://127.0.0.1:{grid.Host.GrpcPort}", "--api-key", TestKeys.Admin }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output + await error);
    }
}

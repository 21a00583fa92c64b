using System.Text.RegularExpressions;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests;

/// <summary>What operations read from a running host: health and Prometheus metrics that move.</summary>
[Collection(GridHost.Name)]
public sealed partial class OperationsEndToEndTests(GridHostFixture grid)
{
    [Fact]
    public async Task Health_LiveAndReady_OnTheHttpPort()
    {
        using var http = new HttpClient();
        Assert.Equal("Healthy", await http.GetStringAsync($"http://127.0.0.1:{grid.Host.HttpPort}/health/live"));
        Assert.Equal("Healthy", await http.GetStringAsync($"http://127.0.0.1:{grid.Host.HttpPort}/health/ready"));
    }

    [Fact]
    public async Task Metrics_MoveWithTraffic()
    {
        using var http = new HttpClient();
        var url = $"http://127.0.0.1:{grid.Host.HttpPort}/metrics";
        var before = Sum(await http.GetStringAsync(url), "grid_checks_total");
        await grid.Fund("e2e-metrics", "USD", 100_000);
        await using (var engine = grid.Stream())
        {
            for (var i = 0; i < 5; i++)
            {
                await engine.Send(Check(0, "e2e-metrics", $"m{i}", "BTC-PERP", Side.Buy, 0.01m, 60_000));
            }
        }

        // The exporter caches a scrape briefly: poll until the counter shows the new checks.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string text;
        do
        {
            await Task.Delay(250);
            text = await http.GetStringAsync(url);
        }
        while (Sum(text, "grid_checks_total") < before + 5 && DateTime.UtcNow < deadline);

        Assert.True(Sum(text, "grid_checks_total") >= before + 5, $"grid_checks_total did not move:\n{text}");
        Assert.Contains("decision=\"accept\"", text);
        Assert.True(Sum(text, "grid_check_latency_seconds_count") >= 5);
        Assert.Contains("grid_accounts{", text);
        Assert.Contains("grid_storage_write_latency_seconds_bucket", text);
        Assert.Contains("orleans_", text);
    }

    [Fact]
    public async Task Metrics_CountPreTradeCommandsFromTheLocalGateway_AsNoHop()
    {
        using var http = new HttpClient();
        var url = $"http://127.0.0.1:{grid.Host.HttpPort}/metrics";
        var before = Sum(await http.GetStringAsync(url), "grid_pretrade_commands_total", "gateway-local");
        await grid.Fund("e2e-hops", "USD", 100_000);
        await using (var engine = grid.Stream())
        {
            for (var i = 0; i < 3; i++)
            {
                await engine.Send(Check(0, "e2e-hops", $"h{i}", "BTC-PERP", Side.Buy, 0.01m, 60_000));
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string text;
        do
        {
            await Task.Delay(250);
            text = await http.GetStringAsync(url);
        }
        while (Sum(text, "grid_pretrade_commands_total", "gateway-local") < before + 3 && DateTime.UtcNow < deadline);

        Assert.True(Sum(text, "grid_pretrade_commands_total", "gateway-local") >= before + 3, text);
        // One silo: nothing can come from another silo's gateway.
        Assert.Equal(0, Sum(text, "grid_pretrade_commands_total", "gateway-remote"));
        Assert.Contains("grid_grain_calls_total{", text);
    }

    private static double Sum(string metrics, string name, string from)
        => Sample().Matches(metrics).Where(m => m.Groups["name"].Value == name && m.Value.Contains($"from=\"{from}\"", StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static double Sum(string metrics, string name)
        => Sample().Matches(metrics).Where(m => m.Groups["name"].Value == name).Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{[^}]*\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

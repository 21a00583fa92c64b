using System.Globalization;
using System.Text.RegularExpressions;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// The hop counter (grid_pretrade_commands_total{from}) tells a batch from the silo's own gateway from one
/// that crossed from another silo's: the account is activated on silo 0 by its deposit, then traded
/// through silo 1's gateway.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed partial class HopCountTests
{
    [RedisFact]
    public async Task ATradeThroughAnotherSilosGateway_CountsAsRemote_OnTheAccountsSilo()
    {
        await using var cluster = await SiloCluster.StartAsync(2);
        const string account = "hop-remote";
        await new Accounts.AccountsClient(cluster.Silos[0].Channel).DepositAsync(
            new DepositRequest { AccountId = account, Asset = "USD", Amount = Dec(1_000_000), RequestId = "fund-hop-remote" });

        await using (var engine = new EngineStream(new PreTrade.PreTradeClient(cluster.Silos[1].Engine)))
        {
            for (var i = 0; i < 3; i++)
            {
                await engine.Send(Check(0, account, $"h{i}", "BTC-PERP", Side.Buy, 0.01m, 60_000));
            }
        }

        using var http = new HttpClient();
        var url = $"http://127.0.0.1:{cluster.Silos[0].HttpPort}/metrics";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string text;
        do
        {
            // The exporter caches a scrape briefly.
            await Task.Delay(250);
            text = await http.GetStringAsync(url);
        }
        while (Commands(text, "gateway-remote") < 3 && DateTime.UtcNow < deadline);

        Assert.True(Commands(text, "gateway-remote") >= 3, text);
    }

    private static double Commands(string metrics, string from)
        => Sample().Matches(metrics).Where(m => m.Groups["from"].Value == from).Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^grid_pretrade_commands_total\{[^}]*from=""(?<from>[^""]*)""[^}]*\} (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// Redis mode: every silo appends to one Redis stream, so any silo answers for the decisions of all;
/// the trail survives a graceful stop (the draining silo flushes it) and a restart of the cluster.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class AuditClusterTests
{
    [RedisFact]
    public async Task DecisionsOnOneSilo_AreInTheSharedTrail_AcrossAStopAndARestart()
    {
        await using var cluster = await SiloCluster.StartAsync(2);
        var admin = new Accounts.AccountsClient(cluster.Silos[0].Channel);
        string[] accounts = ["audr-0", "audr-1", "audr-2"];
        foreach (var a in accounts)
        {
            await admin.DepositAsync(new DepositRequest { AccountId = a, Asset = "USD", Amount = Dec(50_000), RequestId = $"fund-{a}" });
        }

        var made = new List<(string, string, Decision, RejectReason)>();
        await using (var engine = new EngineStream(new PreTrade.PreTradeClient(cluster.Silos[1].Engine)))
        {
            for (var i = 0; i < 30; i++)
            {
                var account = accounts[i % accounts.Length];
                var qty = i % 5 == 4 ? 50m : 0.01m;
                var reply = await engine.Send(Check((ulong)i + 1, account, $"audr-o{i}", "BTC-PERP", Side.Buy, qty, 60_000));
                made.Add((account, reply.Decision.ClientOrderId, reply.Decision.Decision, reply.Decision.RejectReason));
            }
        }

        Assert.Contains(made, d => d.Item3 == Decision.Reject);
        Assert.Equal(made, await Recorded(cluster.Silos[0], accounts, made.Count));

        // The silo that made them stops gracefully; the trail is in Redis, not in the silo.
        await cluster.Silos[1].StopAsync(TimeSpan.FromSeconds(40));
        foreach (var silo in cluster.Silos)
        {
            silo.Kill();
        }

        await cluster.Silos[0].RestartAsync();
        Assert.Equal(made, await Recorded(cluster.Silos[0], accounts, made.Count));
    }

    /// <summary>The trail's decisions on <paramref name="accounts"/>, waiting (briefly) for the writer to flush <paramref name="expected"/>.</summary>
    private static async Task<List<(string, string, Decision, RejectReason)>> Recorded(HostProcess silo, string[] accounts, int expected)
    {
        var client = new Admin.AdminClient(silo.Channel);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<AuditRecord> records;
        do
        {
            records = [];
            var request = new QueryAuditRequest { Kind = AuditKind.Decision, PageSize = 8 };
            QueryAuditResponse page;
            do
            {
                page = await client.QueryAuditAsync(request);
                Assert.Equal(0UL, page.Dropped);
                records.AddRange(page.Records.Where(r => accounts.Contains(r.AccountId)));
                request.PageToken = page.NextPageToken;
            }
            while (!page.End);
        }
        while (records.Count < expected && DateTime.UtcNow < deadline && await Task.Delay(100).ContinueWith(_ => true));

        Assert.All(records, r => Assert.Equal("test-engine", r.Caller));
        return [.. records.Select(r => (r.AccountId, r.ClientOrderId, r.Decision, r.RejectReason))];
    }
}

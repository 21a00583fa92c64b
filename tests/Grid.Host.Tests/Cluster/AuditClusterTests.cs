using System.Globalization;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using StackExchange.Redis;
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

    [RedisFact]
    public async Task RecordsOfTheLayoutBefore_AmongPackedOnes_ReadBackAlike_AndAMalformedOneIsRefusedByItsId()
    {
        await using var cluster = await SiloCluster.StartAsync(1);
        var silo = cluster.Silos[0];
        var admin = new Admin.AdminClient(silo.Channel);
        await new Accounts.AccountsClient(silo.Channel).DepositAsync(new DepositRequest { AccountId = "audm-0", Asset = "USD", Amount = Dec(50_000), RequestId = "fund-audm" });
        await using var engine = new EngineStream(new PreTrade.PreTradeClient(silo.Engine));
        for (var i = 0; i < 6; i++)
        {
            await engine.Send(Check((ulong)i + 1, "audm-0", $"audm-o{i}", "BTC-PERP", Side.Buy, i % 3 == 2 ? 50m : 0.01m, 60_000));
        }

        var packed = await Trail(admin, 6);
        Assert.Equal(6, packed.Count);

        // The same records as a silo of the layout before wrote them: one field per record field.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString);
        var db = redis.GetDatabase();
        Assert.Equal(["r"], (await db.StreamRangeAsync("grid:audit", count: 1))[0].Values.Select(v => (string?)v.Name));
        foreach (var r in packed)
        {
            await db.StreamAddAsync("grid:audit", Fields(r));
        }

        for (var i = 6; i < 9; i++)
        {
            await engine.Send(Check((ulong)i + 1, "audm-0", $"audm-o{i}", "BTC-PERP", Side.Buy, 0.01m, 60_000));
        }

        var all = await Trail(admin, 15);
        Assert.Equal(15, all.Count);
        Assert.Equal(packed, all.Take(6));
        for (var i = 0; i < 6; i++)
        {
            var copy = all[6 + i].Clone();
            Assert.NotEqual(packed[i].Id, copy.Id);
            copy.Id = packed[i].Id;
            Assert.Equal(packed[i], copy);
        }

        Assert.Equal([.. Enumerable.Range(6, 3).Select(i => $"audm-o{i}")], all.Skip(12).Select(r => r.ClientOrderId));

        // A packed value no reader can make sense of: the query names its entry and says how to read past it.
        var bad = (await db.StreamAddAsync("grid:audit", [new NameValueEntry("r", new byte[] { 1, 0, 0x7F, 0x41 })])).ToString();
        await engine.Send(Check(20, "audm-0", "audm-after", "BTC-PERP", Side.Buy, 0.01m, 60_000));
        var refused = await Assert.ThrowsAsync<RpcException>(() => admin.QueryAuditAsync(new QueryAuditRequest { PageSize = 100 }).ResponseAsync);
        Assert.Equal(StatusCode.DataLoss, refused.StatusCode);
        Assert.Contains($"audit stream entry {bad}:", refused.Status.Detail, StringComparison.Ordinal);
        var token = refused.Status.Detail[(refused.Status.Detail.IndexOf("page_token=", StringComparison.Ordinal) + "page_token=".Length)..];
        var after = await Trail(admin, 1, token);
        Assert.Equal("audm-after", Assert.Single(after).ClientOrderId);
    }

    // What the layout before stored: each field as text, the time in round-trip format, the enums as numbers.
    private static NameValueEntry[] Fields(AuditRecord r) =>
    [
        new("at", r.At.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture)),
        new("caller", r.Caller),
        new("action", r.Action),
        new("kind", (int)r.Kind),
        new("account", r.AccountId),
        new("order", r.ClientOrderId),
        new("decision", (int)r.Decision),
        new("reason", (int)r.RejectReason),
        new("inputs", r.InputsJson),
        new("outcome", r.OutcomeJson),
        new("status", r.Status),
        new("silo", r.Silo),
    ];

    /// <summary>The decisions in the trail (after <paramref name="after"/>), waiting (up to 30 s) for the writer to flush <paramref name="expected"/>.</summary>
    private static async Task<List<AuditRecord>> Trail(Admin.AdminClient admin, int expected, string after = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var records = new List<AuditRecord>();
            var request = new QueryAuditRequest { Kind = AuditKind.Decision, PageSize = 4, PageToken = after };
            QueryAuditResponse page;
            do
            {
                page = await admin.QueryAuditAsync(request);
                records.AddRange(page.Records);
                request.PageToken = page.NextPageToken;
            }
            while (!page.End);

            if (records.Count >= expected || DateTime.UtcNow > deadline)
            {
                return records;
            }

            await Task.Delay(100);
        }
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

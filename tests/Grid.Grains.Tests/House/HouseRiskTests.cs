using Grid.Abstractions.House;
using Grid.Grains.House;
using Grid.Risk.Accounts;
using Grid.Risk.Monitoring;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;

namespace Grid.Grains.Tests.House;

/// <summary>
/// House runs over the two-silo cluster: each silo values the accounts it monitors, the merged figures
/// equal one pass over every replica of both silos, an account held by both is counted once (the newer
/// replica), collateral-only accounts count, and the latest run is kept.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class HouseRiskTests(GridClusterFixture fixture)
{
    private IHouseRiskGrain House => fixture.Client.GetGrain<IHouseRiskGrain>(HouseRiskGrain.Key);

    [Fact]
    public async Task ARun_OverBothSilos_EqualsOnePassOverEveryReplica_AndIsKept()
    {
        var perp = await fixture.ListPerp("HOUSE-A-PERP", 1_000);
        for (var i = 0; i < 12; i++)
        {
            var account = await fixture.Client.Funded($"house-a-{i}", 3_000 + 1_000 * i);
            await account.One(Commands.Fill("f", "t1", 40 + 5 * i, 1_000, perp, i % 3 == 0 ? Side.Sell : Side.Buy));
        }

        await fixture.Client.GetGrain<Abstractions.Accounts.IAccountGrain>("house-coins").Deposit("coins", "BTC", 2);
        Assert.Contains(fixture.Watches(), w => w.Replica("house-coins") is { Margined: false });

        var run = await House.Run(HouseRunTrigger.OnDemand);

        var (expected, dependency) = OnePass();
        Assert.Equal(HouseRunTrigger.OnDemand, run.Trigger);
        Assert.Equal(2, run.Silos.Count);
        Assert.True(run.Silos.All(s => s.Accounts > 0), "both silos value accounts");
        Assert.Equal(expected.Accounts, run.Accounts);
        Assert.Equal(fixture.Watches().Sum(w => w.Count), run.Accounts + run.Skipped);
        Assert.Equal(expected.RulebookVersion, run.RulebookVersion);
        Assert.Equal(expected.WorstScenario, run.WorstScenario);
        for (var s = 0; s < expected.Scenarios.Count; s++)
        {
            var (e, a) = (expected.Scenarios[s], run.Scenarios[s]);
            Assert.Equal((e.Scenario, e.TotalPnl, e.TotalDeficit, e.AccountsInDeficit, e.Cover1, e.Cover2, e.CoverageRatio), (a.Scenario, a.TotalPnl, a.TotalDeficit, a.AccountsInDeficit, a.Cover1, a.Cover2, a.CoverageRatio));
            Assert.Equal(e.Top.Select(t => t.AccountId), a.Top.Select(t => t.AccountId));
        }

        Assert.Contains(run.Scenarios, s => s.AccountsInDeficit > 0);
        Assert.Equal((dependency.Accounts, dependency.Im, dependency.CreditTotal), (run.Dependency.Accounts, run.Dependency.Im, run.Dependency.CreditTotal));
        var latest = (await House.Latest())!;
        Assert.Equal((run.StartedAt, run.CompletedAt, run.Accounts), (latest.StartedAt, latest.CompletedAt, latest.Accounts));
        Assert.Equal(run.Scenarios, latest.Scenarios.Select((s, i) => s with { Top = run.Scenarios[i].Top }));
    }

    [Fact]
    public async Task AnOnDemandRun_IsNeverARunThatStartedBeforeTheRequest()
    {
        for (var i = 0; i < 5; i++)
        {
            // One-way: a background run starts as the on-demand request arrives (a CI run once got the
            // scheduled run back, with figures from before the request).
            await House.RulebookLoaded(0);
            var asked = DateTimeOffset.UtcNow;

            var run = await House.Run(HouseRunTrigger.OnDemand);

            Assert.Equal(HouseRunTrigger.OnDemand, run.Trigger);
            Assert.True(run.StartedAt >= asked, $"the run started at {run.StartedAt:O}, before the request at {asked:O}");
        }
    }

    [Fact]
    public async Task AnAccountHeldByBothSilos_IsCountedOnce_TheNewerReplicaWins()
    {
        var perp = await fixture.ListPerp("HOUSE-B-PERP", 1_000);
        var account = await fixture.Client.Funded("house-twice", 20_000);
        await account.One(Commands.Fill("f", "t1", 50, 1_000, perp, Side.Buy));
        var watches = fixture.Watches().ToList();
        var holder = watches.Single(w => w.Replica("house-twice") is not null);
        var other = watches.Single(w => w != holder);

        // A claim that never reached the other silo: it still holds a replica, taken from a newer record with a bigger position.
        var model = fixture.Views().First().Frame.Model;
        var stale = holder.Replica("house-twice")!;
        var bigger = AccountBook.Create(model, new Portfolio
        {
            Balances = new Dictionary<string, double> { ["USD"] = 20_000 },
            Positions = [new Position(perp, 80, 1_000)],
        });
        other.Track(MonitoredAccount.From("house-twice", stale.Version + 1, bigger));
        try
        {
            var run = await House.Run(HouseRunTrigger.OnDemand);
            Assert.True(run.Duplicates >= 1);
            var (expected, _) = OnePass(drop: (holder, "house-twice"));
            Assert.Equal(expected.Accounts, run.Accounts);
            Assert.Equal(expected.Scenarios.Select(s => s.TotalPnl), run.Scenarios.Select(s => s.TotalPnl));
        }
        finally
        {
            other.ClaimedElsewhere("house-twice", holder.SiloName);
        }
    }

    [Fact]
    public async Task ADryRun_IsComputedOverEveryAccount_AndKeptAsTheLastDryRun()
    {
        var current = (await fixture.Client.GetGrain<Abstractions.Market.IRulebookGrain>(Grid.Grains.Market.RulebookGrain.Key).Get())!;
        var candidate = System.Text.Json.Nodes.JsonNode.Parse(current.Json)!.AsObject();
        candidate["version"] = "house-dry-run";
        candidate["groups"]!["ETH"]!["range"] = 0.3;

        var impact = await House.Impact(candidate.ToJsonString(), current.Revision, dryRun: true, force: false);

        var model = fixture.Views().First().Frame.Model;
        var expected = Union().Impact(model, HouseImpact.CandidateModel(model, Grid.Risk.Rulebooks.RulebookReader.Parse(candidate.ToJsonString())), 10).Result();
        Assert.Equal((current.Version, "house-dry-run"), (impact.CurrentVersion, impact.CandidateVersion));
        Assert.Equal((expected.Accounts, expected.ImBefore, expected.ImAfter), (impact.Accounts, impact.ImBefore, impact.ImAfter));
        Assert.True(impact.ImAfter > impact.ImBefore);
        Assert.Equal(expected.LargestIncreases.Select(a => a.AccountId), impact.LargestIncreases.Select(a => a.AccountId));
        Assert.Empty(impact.Breaches);
        Assert.True(impact.DryRun);
        var kept = (await House.LastDryRun())!;
        Assert.Equal((impact.ComputedAt, impact.CandidateVersion, impact.ImAfter), (kept.ComputedAt, kept.CandidateVersion, kept.ImAfter));
        await Assert.ThrowsAsync<ArgumentException>(() => House.Impact("{ not json", current.Revision, dryRun: true, force: false));
    }

    // Every replica of both silos in one monitor (an account held twice: the one not dropped), valued in one pass.
    private (HouseStressResult Stress, HouseDependencyResult Dependency) OnePass((Monitoring.SiloMarginMonitor Watch, string Id)? drop = null)
    {
        var model = fixture.Views().First().Frame.Model;
        var union = Union(drop);
        return (union.Stress(StressMarket.Build(model)).Result(), union.Dependency(model).Result());
    }

    private MarginMonitor Union((Monitoring.SiloMarginMonitor Watch, string Id)? drop = null)
    {
        var union = new MarginMonitor(partitions: 3);
        foreach (var watch in fixture.Watches())
        {
            foreach (var r in watch.Monitor.Snapshot().Where(r => drop is not { } d || d.Watch != watch || d.Id != r.Id))
            {
                union.Upsert(r);
            }
        }

        return union;
    }
}

using Grid.Abstractions.Accounts;
using Grid.Grains.Accounts;
using Grid.Risk.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Tests.Registry;

/// <summary>The registry split by account hash: a claim lands in one bucket only, and the walk lists every account once, in (bucket, id) order.</summary>
[Collection(GridCluster.Name)]
public sealed class RegistryBucketTests(GridClusterFixture fixture)
{
    private int Buckets => fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<IOptions<AccountRegistryOptions>>().Value.Buckets;

    [Fact]
    public async Task ASiloWithAnotherBucketCount_IsRefused_NamingTheSetting()
    {
        var registry = fixture.Client.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key);
        await registry.AgreeBuckets(Buckets);
        await registry.AgreeBuckets(Buckets); // every silo of the cluster agrees, at every start

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.AgreeBuckets(Buckets + 1));
        Assert.StartsWith($"Grid:Registry:Buckets is {Buckets + 1} on this silo", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"laid out in {Buckets} buckets", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BucketOfAnAccount_IsStableAcrossProcessesAndVersions()
    {
        // FNV-1a of "acc-1" is 10697264322394758796: a change here re-homes every stored account.
        Assert.Equal(652, RegistryBuckets.Of("acc-1", 1024));
        Assert.Equal((int)(10697264322394758796UL % 1000), RegistryBuckets.Of("acc-1", 1000));
        Assert.Equal(0, RegistryBuckets.Of("acc-1", 1));
    }

    [Fact]
    public void BucketReferences_AreOnePerBucketAndGrainFactory_AndAddressTheirBucket()
    {
        var buckets = Buckets;
        var silo = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<IGrainFactory>();
        var home = RegistryBuckets.Of("share-1", buckets);
        var neighbour = Enumerable.Range(0, 1_000).Select(i => $"share-n{i}").First(id => RegistryBuckets.Of(id, buckets) == home);

        var reference = RegistryBuckets.Grain(silo, "share-1", buckets);

        // Every account of a bucket shares its reference (issue 16: 64 B per active account otherwise).
        Assert.Same(reference, RegistryBuckets.Grain(silo, neighbour, buckets));
        Assert.Equal(silo.GetGrain<IAccountRegistryBucketGrain>(home).GetGrainId(), reference.GetGrainId());
        var client = RegistryBuckets.Grain(fixture.Client, "share-1", buckets);
        Assert.NotSame(reference, client);
        Assert.Equal(reference.GetGrainId(), client.GetGrainId());
    }

    [Fact]
    public async Task Claims_SpreadOverBuckets_EachHeldByItsOwnBucketOnly()
    {
        var buckets = Buckets;
        var ids = Enumerable.Range(0, 300).Select(i => $"spread-{i}").ToArray();
        await Task.WhenAll(ids.Select(id => RegistryBuckets.Grain(fixture.Client, id, buckets).Claim(Summary(id, AccountState.Ok))));

        var homes = ids.Select(id => RegistryBuckets.Of(id, buckets)).ToArray();
        Assert.True(homes.Distinct().Count() > 200, $"300 accounts landed in {homes.Distinct().Count()} of {buckets} buckets");
        foreach (var id in ids.Take(20))
        {
            var home = RegistryBuckets.Of(id, buckets);
            var found = await fixture.Client.GetGrain<IAccountRegistryBucketGrain>(home).Find([id]);
            Assert.Equal(id, Assert.Single(found).AccountId);
            var elsewhere = await fixture.Client.GetGrain<IAccountRegistryBucketGrain>((home + 1) % buckets).Find([id]);
            Assert.Empty(elsewhere);
        }
    }

    [Fact]
    public async Task List_SmallPages_CoverEveryAccountExactlyOnce_InBucketThenIdOrder()
    {
        var buckets = Buckets;
        var ids = Enumerable.Range(0, 120).Select(i => $"walk-{i:D3}").ToArray();
        await Task.WhenAll(ids.Select(id => RegistryBuckets.Grain(fixture.Client, id, buckets).Claim(Summary(id, AccountState.Ok))));
        var registry = fixture.Client.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key);

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await registry.List([], 7, token);
            Assert.True(page.Accounts.Count <= 7);
            seen.AddRange(page.Accounts.Select(a => a.AccountId));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(ids.Except(seen));
        Assert.True(pages >= seen.Count / 7);
        var keys = seen.Select(id => (Bucket: RegistryBuckets.Of(id, buckets), Id: id)).ToList();
        for (var i = 1; i < keys.Count; i++)
        {
            var ordered = keys[i - 1].Bucket < keys[i].Bucket
                || (keys[i - 1].Bucket == keys[i].Bucket && string.CompareOrdinal(keys[i - 1].Id, keys[i].Id) < 0);
            Assert.True(ordered, $"{keys[i - 1]} listed before {keys[i]}");
        }
    }

    [Fact]
    public async Task List_StateFilter_AndListPage_ByAccountId_AcrossBuckets()
    {
        var buckets = Buckets;
        var ids = Enumerable.Range(0, 23).Select(i => $"bankrupt-{i:D2}").ToArray();
        await Task.WhenAll(ids.Select(id => RegistryBuckets.Grain(fixture.Client, id, buckets).Claim(Summary(id, AccountState.Bankrupt))));
        var registry = fixture.Client.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key);

        var walked = await registry.List([AccountState.Bankrupt], 1000, "");
        Assert.Equal("", walked.NextPageToken);
        Assert.All(walked.Accounts, a => Assert.Equal(AccountState.Bankrupt, a.State));
        Assert.Empty(ids.Except(walked.Accounts.Select(a => a.AccountId)));

        var ranked = new List<string>();
        var cursor = "";
        do
        {
            var page = await registry.ListPage([AccountState.Bankrupt], byAccountId: true, 5, cursor);
            ranked.AddRange(page.Accounts.Select(a => a.AccountId));
            cursor = page.NextPageToken;
        }
        while (cursor.Length > 0);

        // Other tests' accounts may turn bankrupt meanwhile: ours, in id order, each once.
        Assert.Equal(ranked.Order(StringComparer.Ordinal), ranked);
        Assert.Equal(ranked.Count, ranked.Distinct().Count());
        Assert.Equal(ids, ranked.Where(ids.Contains));
    }

    [Fact]
    public async Task Nearest_MergesEveryBucketsWorst_AsAFullSortWould()
    {
        var buckets = Buckets;
        await RegistryBuckets.Grain(fixture.Client, "nearest-a", buckets).Claim(Summary("nearest-a", AccountState.Bankrupt) with { Equity = 1, MaintenanceMargin = 1_000_000 });
        await RegistryBuckets.Grain(fixture.Client, "nearest-b", buckets).Claim(Summary("nearest-b", AccountState.Bankrupt) with { Equity = 2, MaintenanceMargin = 1_000_000 });
        Assert.NotEqual(RegistryBuckets.Of("nearest-a", buckets), RegistryBuckets.Of("nearest-b", buckets));
        var registry = fixture.Client.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key);

        var nearest = await registry.Nearest(5);

        var all = await RegistryPages.ListAll(registry);
        Assert.Equal(all.Order(NearestLiquidationOrder.Instance).Take(5).Select(a => a.AccountId), nearest.Select(a => a.AccountId));
        Assert.Equal(5, nearest.Count);
        Assert.Contains(nearest, a => a.State == AccountState.Bankrupt);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData(":walk-001")]
    [InlineData("-1:walk-001")]
    [InlineData("99999999:walk-001")]
    public async Task List_BadPageToken_IsAClearArgumentError(string token)
    {
        var registry = fixture.Client.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => registry.List([], 10, token));

        Assert.StartsWith("page_token:", error.Message, StringComparison.Ordinal);
        Assert.Contains("bucket:last id", error.Message, StringComparison.Ordinal);
    }

    internal static AccountSummary Summary(string id, AccountState state, DateTimeOffset? at = null)
        => new() { AccountId = id, State = state, Equity = 100, MaintenanceMargin = 10, Silo = "127.0.0.1:2@2", AtRisk = true, At = at ?? DateTimeOffset.UtcNow };
}

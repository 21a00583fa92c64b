using Grid.Abstractions.Accounts;
using Grid.Grains.Accounts;
using Grid.Risk.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Grid.Grains.Tests.Registry;

/// <summary>A claim is stored in its bucket's claim journal before it is answered, survives a reactivation, and a full journal is folded into the bucket's record.</summary>
[Collection(GridCluster.Name)]
public sealed class RegistryJournalTests(GridClusterFixture fixture)
{
    private IServiceProvider Silo => fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress);

    private AccountRegistryOptions Options => Silo.GetRequiredService<IOptions<AccountRegistryOptions>>().Value;

    [Fact]
    public async Task Claim_IsInTheJournalWhenAnswered_AndSurvivesReactivation()
    {
        var bucket = RegistryBuckets.Grain(fixture.Client, "journal-survivor", Options.Buckets);

        await bucket.Claim(RegistryBucketTests.Summary("journal-survivor", AccountState.ReduceOnly));

        Assert.Contains("journal-survivor", (await Stored(bucket, "claims")).Accounts.Keys);
        await fixture.Cluster.DeactivateAsync(bucket);
        var found = await bucket.Find(["journal-survivor"]);
        Assert.Equal(AccountState.ReduceOnly, Assert.Single(found).State);
    }

    [Fact]
    public async Task FullJournal_IsFoldedIntoTheBucketRecord_AndLeavesTheJournal()
    {
        var options = Options;
        var target = RegistryBuckets.Of("fold-anchor", options.Buckets);
        var ids = Enumerable.Range(0, 200_000).Select(i => $"fold-{i}").Where(id => RegistryBuckets.Of(id, options.Buckets) == target).Take(options.ClaimJournal + 8).ToList();
        var bucket = fixture.Client.GetGrain<IAccountRegistryBucketGrain>(target);

        foreach (var id in ids)
        {
            await bucket.Claim(RegistryBucketTests.Summary(id, AccountState.Ok));
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!ids.Take(options.ClaimJournal).All((await Stored(bucket, "registry")).Accounts.ContainsKey))
        {
            Assert.True(DateTime.UtcNow < deadline, "the full journal was not folded into the bucket's record");
            await Task.Delay(20);
        }

        await bucket.Claim(RegistryBucketTests.Summary("fold-anchor", AccountState.Ok));
        var journal = (await Stored(bucket, "claims")).Accounts;
        Assert.True(journal.Count < ids.Count, $"the journal still holds {journal.Count} claims after the fold");
        Assert.DoesNotContain(ids[0], journal.Keys);
        Assert.Equal(ids.Count + 1, (await bucket.Find([.. ids, "fold-anchor"])).Count);
    }

    [Fact]
    public async Task Claim_AfterAnotherActivationWroteTheBucket_KeepsBothClaims()
    {
        // Two activations of one bucket can live for a moment around a membership change: the other one
        // writes the journal behind this one's back, so this one's ETag is stale.
        var target = RegistryBuckets.Of("stale-etag-0", Options.Buckets);
        var ids = Enumerable.Range(0, 100_000).Select(i => $"stale-etag-{i}").Where(id => RegistryBuckets.Of(id, Options.Buckets) == target).Take(3).ToArray();
        var (mine, theirs, later) = (ids[0], ids[1], ids[2]);
        var bucket = fixture.Client.GetGrain<IAccountRegistryBucketGrain>(target);
        await bucket.Claim(RegistryBucketTests.Summary(mine, AccountState.Ok));
        var storage = Silo.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name);
        var other = new GrainState<RegistryRecord>();
        await storage.ReadStateAsync("claims", bucket.GetGrainId(), other);
        other.State!.Accounts[theirs] = RegistryBucketTests.Summary(theirs, AccountState.ReduceOnly);
        await storage.WriteStateAsync("claims", bucket.GetGrainId(), other);

        await bucket.Claim(RegistryBucketTests.Summary(mine, AccountState.ReduceOnly));
        await bucket.Claim(RegistryBucketTests.Summary(later, AccountState.Ok));

        var journal = (await Stored(bucket, "claims")).Accounts;
        Assert.Equal(AccountState.ReduceOnly, journal[mine].State);
        Assert.Equal(AccountState.ReduceOnly, journal[theirs].State);
        Assert.Contains(later, journal.Keys);
        Assert.Equal(3, (await bucket.Find(ids)).Count);
    }

    private async Task<RegistryRecord> Stored(IAccountRegistryBucketGrain bucket, string stateName)
    {
        var state = new GrainState<RegistryRecord>();
        await Silo.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name).ReadStateAsync(stateName, bucket.GetGrainId(), state);
        return state.State ?? new RegistryRecord();
    }
}

using Grid.Abstractions.Accounts;
using Grid.Grains.Accounts;
using Grid.Risk.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Grains.Tests.Registry;

/// <summary>The single registry record of earlier versions is spread into the buckets at the registry's activation, once, and cleared.</summary>
[Collection(GridCluster.Name)]
public sealed class RegistryMigrationTests(GridClusterFixture fixture)
{
    private static readonly GrainId Legacy = GrainId.Create("account-registry", AccountRegistryGrain.Key);

    [Fact]
    public async Task OldSingleRecord_IsSpreadIntoBuckets_NewerBucketEntriesWin_ThenCleared()
    {
        var storage = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>(GridStorage.Name);
        var buckets = new AccountRegistryOptions().Buckets;
        var old = DateTimeOffset.UtcNow.AddMinutes(-10);
        var legacy = new RegistryRecord();
        foreach (var i in Enumerable.Range(0, 50))
        {
            var id = $"legacy-{i:D2}";
            legacy.Accounts[id] = RegistryBucketTests.Summary(id, AccountState.ReduceOnly, old);
        }

        // legacy-00 claimed anew since the old version wrote its list: the bucket's newer entry stays.
        await RegistryBuckets.Grain(fixture.Client, "legacy-00", buckets).Claim(RegistryBucketTests.Summary("legacy-00", AccountState.Ok));
        var state = new GrainState<RegistryRecord>();
        await storage.ReadStateAsync("registry", Legacy, state);
        state.State = legacy;
        await storage.WriteStateAsync("registry", Legacy, state);
        var registry = fixture.Client.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key);
        await fixture.Cluster.DeactivateAsync(registry);

        var listed = await RegistryPages.ListAll(registry);

        var mine = listed.Where(a => a.AccountId.StartsWith("legacy-", StringComparison.Ordinal)).ToDictionary(a => a.AccountId);
        Assert.Equal(50, mine.Count);
        Assert.Equal(AccountState.Ok, mine["legacy-00"].State);
        Assert.All(mine.Values.Where(a => a.AccountId != "legacy-00"), a => Assert.Equal(AccountState.ReduceOnly, a.State));
        var found = await RegistryBuckets.Grain(fixture.Client, "legacy-17", buckets).Find(["legacy-17"]);
        Assert.Equal(old, Assert.Single(found).At);
        var after = new GrainState<RegistryRecord>();
        await storage.ReadStateAsync("registry", Legacy, after);
        Assert.True(!after.RecordExists || after.State is null || after.State.Accounts.Count == 0, "the old record is cleared once spread");

        // A later activation finds nothing to spread, and the buckets keep the accounts.
        await fixture.Cluster.DeactivateAsync(registry);
        Assert.Equal(50, (await RegistryPages.ListAll(registry)).Count(a => a.AccountId.StartsWith("legacy-", StringComparison.Ordinal)));
    }
}

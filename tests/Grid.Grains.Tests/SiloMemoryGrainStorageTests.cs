using Grid.Grains.Accounts;
using Grid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Tests;

/// <summary>The embedded default's object store: reads are copies, ETags are enforced.</summary>
[Collection(GridCluster.Name)]
public sealed class SiloMemoryGrainStorageTests(GridClusterFixture fixture)
{
    private readonly SiloMemoryGrainStorage _storage = new(
        fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<DeepCopier>());

    private static readonly GrainId Grain = GrainId.Create("account", "storage-test");

    [Fact]
    public async Task WriteThenRead_ReturnsACopyOfTheLatestState()
    {
        var written = new Stored(new AccountRecord { Balances = { ["USD"] = 5m } });
        await _storage.WriteStateAsync("account", Grain, written);
        written.State.Balances["USD"] = 7m;
        await _storage.WriteStateAsync("account", Grain, written);

        var read = new Stored(new AccountRecord());
        await _storage.ReadStateAsync("account", Grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(7m, read.State.Balances["USD"]);
        Assert.NotSame(written.State, read.State);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task StaleETag_IsRefused()
    {
        var grain = GrainId.Create("account", "storage-etag");
        var first = new Stored(new AccountRecord());
        await _storage.WriteStateAsync("account", grain, first);
        var stale = new Stored(new AccountRecord()) { ETag = "not-the-current-one" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("account", grain, stale));
        var fresh = new Stored(new AccountRecord());
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("account", grain, fresh));
    }

    private sealed class Stored(AccountRecord record) : IGrainState<AccountRecord>
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public AccountRecord State
        {
            get => _state;
            set => _state = value!;
        }

        private AccountRecord _state = record;

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}

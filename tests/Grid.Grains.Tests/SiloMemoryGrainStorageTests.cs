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

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task ConcurrentWritersWithTheSameETag_ExactlyOneWinsEachRound_AndTheReadIsItsState(int seed)
    {
        var grain = GrainId.Create("account", $"storage-race-{seed}");
        var random = new Random(seed);
        var current = new Stored(new AccountRecord());
        await _storage.WriteStateAsync("account", grain, current);
        for (var round = 0; round < 200; round++)
        {
            var writers = random.Next(2, 6);
            var attempts = new Stored[writers];
            for (var w = 0; w < writers; w++)
            {
                attempts[w] = new Stored(new AccountRecord { Balances = { ["USD"] = (round * 10) + w } }) { ETag = current.ETag };
            }

            var won = await Task.WhenAll(attempts.Select(a => Task.Run(async () =>
            {
                try
                {
                    await _storage.WriteStateAsync("account", grain, a);
                    return true;
                }
                catch (InconsistentStateException)
                {
                    return false;
                }
            })));

            Assert.Equal(1, won.Count(w => w));
            var winner = attempts[Array.IndexOf(won, true)];
            var read = new Stored(new AccountRecord());
            await _storage.ReadStateAsync("account", grain, read);
            Assert.Equal(winner.ETag, read.ETag);
            Assert.Equal(winner.State.Balances["USD"], read.State.Balances["USD"]);
            current = winner;
        }
    }

    [Fact]
    public async Task ReadsDuringWrites_PairEachStateWithItsOwnETag()
    {
        var grain = GrainId.Create("account", "storage-pairs");
        var writer = new Stored(new AccountRecord());
        await _storage.WriteStateAsync("account", grain, writer);
        var written = new System.Collections.Concurrent.ConcurrentDictionary<string, decimal> { [writer.ETag!] = 0m };
        var reads = new System.Collections.Concurrent.ConcurrentBag<(string ETag, decimal Usd)>();
        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            // Until the writer is done, and at least a few reads each whatever the scheduling.
            for (var n = 0; n < 20 || !done.IsCancellationRequested; n++)
            {
                var read = new Stored(new AccountRecord());
                await _storage.ReadStateAsync("account", grain, read);
                reads.Add((read.ETag!, read.State.Balances.GetValueOrDefault("USD")));
            }
        })).ToArray();

        for (var n = 1; n <= 2_000; n++)
        {
            // A fresh state object per write: what a read pairs with an ETag is that write's, unchanged.
            var next = new Stored(new AccountRecord { Balances = { ["USD"] = n } }) { ETag = writer.ETag };
            await _storage.WriteStateAsync("account", grain, next);
            written[next.ETag!] = n;
            writer = next;
        }

        await done.CancelAsync();
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEmpty(reads);
        foreach (var (etag, usd) in reads)
        {
            Assert.Equal(written[etag], usd);
        }
    }

    [Fact]
    public async Task Clear_ThenTheLastETag_IsRefused_AndNothingIsRead()
    {
        var grain = GrainId.Create("account", "storage-clear");
        var first = new Stored(new AccountRecord { Balances = { ["USD"] = 3m } });
        await _storage.WriteStateAsync("account", grain, first);
        var stale = new Stored(new AccountRecord { Balances = { ["USD"] = 4m } }) { ETag = first.ETag };
        await _storage.ClearStateAsync("account", grain, new Stored(new AccountRecord()) { ETag = first.ETag });

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("account", grain, stale));
        var read = new Stored(new AccountRecord());
        await _storage.ReadStateAsync("account", grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);

        // Written afresh after the clear, as a new record.
        var again = new Stored(new AccountRecord { Balances = { ["USD"] = 5m } });
        await _storage.WriteStateAsync("account", grain, again);
        await _storage.ReadStateAsync("account", grain, read);
        Assert.Equal(5m, read.State.Balances["USD"]);
        Assert.Equal(again.ETag, read.ETag);
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

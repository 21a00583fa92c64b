using System.Threading.Channels;
using Grid.Abstractions.Risk;
using Grid.Grains.Monitoring;
using Grid.Risk.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests;

/// <summary>
/// Silos send the events they announce straight to every silo's feed (the hub only tells them who the
/// feeds are): an account's events announced on one silo reach another silo's subscribers once each, in
/// the order announced.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class RiskEventPeersTests(GridClusterFixture fixture)
{
    // Generous: a loaded runner delivers late, and only what arrives (once, in order) is asserted, not how fast.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EventsAnnouncedOnAnotherSilo_ArriveOnceAndInOrder()
    {
        var (here, there) = (Feed(0), Feed(1));
        await fixture.Eventually(() => here.PeerFeeds.Count == 1 && there.PeerFeeds.Count == 1);
        using var stop = new CancellationTokenSource();
        var (local, remote) = (there.Subscribe(10_000, stop.Token), here.Subscribe(10_000, stop.Token));

        // 3 batches of 400 events of 4 accounts, states cycling: each account's sequence of states is known.
        const int Batches = 3, PerBatch = 400;
        for (var b = 0; b < Batches; b++)
        {
            var batch = new RiskEventData[PerBatch];
            for (var i = 0; i < PerBatch; i++)
            {
                var n = (b * PerBatch) + i;
                batch[i] = Event($"peer-{n % 4}", n);
            }

            there.Announce(batch);
        }

        foreach (var reader in new[] { remote, local })
        {
            var received = await Take(reader, Batches * PerBatch);
            Assert.Equal(Enumerable.Range(0, Batches * PerBatch).Select(n => $"peer-{n % 4}:{n}"), received);
        }
    }

    [Fact]
    public async Task TheSilosFeeds_KnowEachOtherAndNotThemselves()
    {
        var (here, there) = (Feed(0), Feed(1));
        await fixture.Eventually(() => here.PeerFeeds.Count == 1 && there.PeerFeeds.Count == 1);

        Assert.NotEqual(here.PeerFeeds[0], there.PeerFeeds[0]);
    }

    private RiskEventFeed Feed(int silo)
        => fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[silo].SiloAddress).GetRequiredService<RiskEventFeed>();

    // The n-th event: its cause carries n, so order and duplicates show.
    internal static RiskEventData Event(string account, int n) => new()
    {
        At = DateTimeOffset.UtcNow,
        AccountId = account,
        PreviousState = (AccountState)(1 + (n % 3)),
        State = (AccountState)(1 + ((n + 1) % 3)),
        Cause = $"peer test {n}",
    };

    internal static async Task<List<string>> Take(ChannelReader<RiskEventData> reader, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var received = new List<string>(count);
        while (received.Count < count)
        {
            var e = await reader.ReadAsync(timeout.Token);
            if (e.Cause.StartsWith("peer test ", StringComparison.Ordinal))
            {
                received.Add($"{e.AccountId}:{e.Cause["peer test ".Length..]}");
            }
        }

        // Nothing more arrives (no event twice).
        await Task.Delay(200);
        while (reader.TryRead(out var extra))
        {
            Assert.False(extra.Cause.StartsWith("peer test ", StringComparison.Ordinal), $"{extra.AccountId} {extra.Cause} arrived twice");
        }

        return received;
    }
}

using Grid.Grains.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Grid.Grains.Tests;

/// <summary>
/// A silo that leaves, cleanly or by dying (the hub possibly with it), does not stall the delivery of the
/// others' events: sending to its feed is one-way, and no grain sits on the path. Its own cluster, since
/// silos are stopped.
/// </summary>
public sealed class RiskEventPeersLeaveTests : IAsyncLifetime
{
    private static readonly TimeSpan AnnounceDeadline = TimeSpan.FromSeconds(30);
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GridStorage.Name);
            silo.AddGridGrains();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ASiloThatLeaves_DoesNotStallTheOthersEvents(bool dies)
    {
        var feeds = _cluster.Silos.Select(s => _cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<RiskEventFeed>()).ToArray();
        await Eventually(() => feeds.All(f => f.PeerFeeds.Count == 2));
        var (here, there) = (feeds[0], feeds[1]);
        using var stop = new CancellationTokenSource();
        var reader = here.Subscribe(10_000, stop.Token);

        if (dies)
        {
            await _cluster.KillSiloAsync(_cluster.Silos[2]);
        }
        else
        {
            await _cluster.StopSiloAsync(_cluster.Silos[2]);
        }

        // Announcing never waits on a feed, the left silo's included. Had it waited on that silo, each of the five
        // batches would be held until its call failed (the response timeout, 30 s by default) or for ever: the deadline
        // tells that from a slow runner. It bounds a wait; how fast announcing is is not the point.
        var announcing = Task.Run(() =>
        {
            for (var b = 0; b < 5; b++)
            {
                there.Announce([.. Enumerable.Range(b * 100, 100).Select(n => RiskEventPeersTests.Event($"leave-{n % 3}", n))]);
            }
        });
        await announcing.WaitAsync(AnnounceDeadline);
        var received = await RiskEventPeersTests.Take(reader, 500);
        Assert.Equal(Enumerable.Range(0, 500).Select(n => $"leave-{n % 3}:{n}"), received);
        if (!dies)
        {
            // A clean leave unsubscribes: the others are told at once.
            await Eventually(() => here.PeerFeeds.Count == 1 && there.PeerFeeds.Count == 1);
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }
}

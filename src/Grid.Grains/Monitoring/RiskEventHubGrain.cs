using Grid.Abstractions.Risk;
using Microsoft.Extensions.Logging;
using Grid.Grains.Fanout;

namespace Grid.Grains.Monitoring;

/// <summary>
/// Keeps the list of the silos' risk-event feeds and tells each feed the others', so that a silo sends its
/// events straight to every feed (one batched call per silo pair, no single grain on the path); fans account
/// claims out.
/// </summary>
[GrainType("risk-event-hub")]
public sealed class RiskEventHubGrain(
    [PersistentState("feeds", GridStorage.Name)] IPersistentState<SubscriberRecord<IRiskEventObserver>> feeds,
    ILogger<RiskEventHubGrain> logger) : Grain, IRiskEventHub
{
    /// <summary>Key of the single hub.</summary>
    public const string Key = "events";

    private readonly SiloFeeds<IRiskEventObserver> _feeds = new(feeds, logger);
    private long _version;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _feeds.Restore();
        return Task.CompletedTask;
    }

    public async Task Claim(string accountId, string silo) => await _feeds.Notify(f => f.Claimed(accountId, silo));

    public async Task Subscribe(IRiskEventObserver observer)
    {
        var known = _feeds.Live();
        await _feeds.Subscribe(observer);
        if (Array.IndexOf(known, observer) >= 0)
        {
            // A renewal: the renewing feed is sent the current list (which heals a list a lost message left stale).
            await observer.Peers(Others(_feeds.Live(), observer), NextVersion());
            return;
        }

        await SendPeers();
    }

    public async Task Unsubscribe(IRiskEventObserver observer)
    {
        await _feeds.Unsubscribe(observer);
        await SendPeers();
    }

    // Every feed gets the list of the others (one-way calls: a feed whose silo is gone does not hold the rest up).
    private async Task SendPeers()
    {
        var (live, version) = (_feeds.Live(), NextVersion());
        foreach (var feed in live)
        {
            await feed.Peers(Others(live, feed), version);
        }
    }

    // Increasing, and past any version a previous activation (on another silo, after a failover) handed out.
    private long NextVersion() => _version = Math.Max(_version + 1, DateTime.UtcNow.Ticks);

    private static IRiskEventObserver[] Others(IRiskEventObserver[] live, IRiskEventObserver feed)
        => Array.FindAll(live, f => !f.Equals(feed));
}

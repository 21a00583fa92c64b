using Grid.Abstractions.Risk;
using Microsoft.Extensions.Logging;
using Grid.Grains.Fanout;

namespace Grid.Grains.Monitoring;

/// <summary>Numbers risk events and fans them, and account claims, out to every silo's feed.</summary>
[GrainType("risk-event-hub")]
public sealed class RiskEventHubGrain(
    [PersistentState("feeds", GridStorage.Name)] IPersistentState<SubscriberRecord<IRiskEventObserver>> feeds,
    ILogger<RiskEventHubGrain> logger) : Grain, IRiskEventHub
{
    /// <summary>Key of the single hub.</summary>
    public const string Key = "events";

    private readonly SiloFeeds<IRiskEventObserver> _feeds = new(feeds, logger);
    private long _sequence;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _feeds.Restore();
        return Task.CompletedTask;
    }

    public async Task Publish(RiskEventData[] events)
    {
        RiskEventTrace.Mark(RiskEventTrace.Stage.Hub, events.Length);
        var numbered = new RiskEventData[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            numbered[i] = events[i] with { Sequence = ++_sequence };
        }

        await _feeds.Notify(f => f.Published(numbered));
    }

    public async Task Claim(string accountId, string silo) => await _feeds.Notify(f => f.Claimed(accountId, silo));

    public Task Subscribe(IRiskEventObserver observer) => _feeds.Subscribe(observer);

    public Task Unsubscribe(IRiskEventObserver observer) => _feeds.Unsubscribe(observer);
}

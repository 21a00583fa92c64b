using Grid.Abstractions.Risk;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Grid.Grains.Monitoring;

/// <summary>Numbers risk events and fans them, and account claims, out to every silo's feed.</summary>
[GrainType("risk-event-hub")]
public sealed class RiskEventHubGrain(ILogger<RiskEventHubGrain> logger) : Grain, IRiskEventHub
{
    /// <summary>Key of the single hub.</summary>
    public const string Key = "events";

    private readonly ObserverManager<IRiskEventObserver> _feeds = new(TimeSpan.FromMinutes(1), logger);
    private long _sequence;

    public async Task Publish(RiskEventData[] events)
    {
        var numbered = new RiskEventData[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            numbered[i] = events[i] with { Sequence = ++_sequence };
        }

        await _feeds.Notify(f => f.Published(numbered));
    }

    public async Task Claim(string accountId, string silo) => await _feeds.Notify(f => f.Claimed(accountId, silo));

    public Task Subscribe(IRiskEventObserver observer)
    {
        _feeds.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IRiskEventObserver observer)
    {
        _feeds.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}

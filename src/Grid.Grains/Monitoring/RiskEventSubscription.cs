using Grid.Abstractions.Risk;
using Grid.Grains.Fanout;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Monitoring;

/// <summary>Keeps this silo's <see cref="RiskEventFeed"/> subscribed to the risk-event hub while the silo is active.</summary>
internal sealed class RiskEventSubscription(IGrainFactory grains, RiskEventFeed feed, ILogger<RiskEventSubscription> logger)
    : SiloFeedSubscription<IRiskEventObserver>(grains, feed)
{
    protected override Task Subscribe(IRiskEventObserver reference)
        => Grains.GetGrain<IRiskEventHub>(RiskEventHubGrain.Key).Subscribe(reference);

    protected override Task Unsubscribe(IRiskEventObserver reference)
        => Grains.GetGrain<IRiskEventHub>(RiskEventHubGrain.Key).Unsubscribe(reference);

    protected override void SubscribeFailed(Exception exception) => GrainsLog.RiskFeedSubscribeFailed(logger, exception);

    protected override void UnsubscribeFailed(Exception exception) => GrainsLog.RiskFeedUnsubscribeFailed(logger, exception);
}

using Grid.Abstractions.Market;
using Grid.Grains.Fanout;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Market;

/// <summary>
/// Keeps this silo's <see cref="MarketView"/> subscribed to the market directory, and loads the
/// directory's full state at each renewal (what a lost notification left out is caught up).
/// </summary>
internal sealed class MarketSubscription(IGrainFactory grains, MarketView view, ILogger<MarketSubscription> logger)
    : SiloFeedSubscription<IMarketObserver>(grains, view)
{
    protected override async Task Subscribe(IMarketObserver reference)
    {
        var directory = Grains.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key);
        await directory.Subscribe(reference);
        view.Load(await directory.GetState());
    }

    protected override Task Unsubscribe(IMarketObserver reference)
        => Grains.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).Unsubscribe(reference);

    protected override void SubscribeFailed(Exception exception) => GrainsLog.MarketSubscribeFailed(logger, exception);

    protected override void UnsubscribeFailed(Exception exception) => GrainsLog.MarketUnsubscribeFailed(logger, exception);
}

using Orleans.Concurrency;

namespace Grid.Abstractions.Market;

/// <summary>
/// Fans market changes out to every silo's snapshot and lists what is published (key "market").
/// On the price path only, never on the check path.
/// </summary>
[Alias("grid.IMarketDirectoryGrain")]
public interface IMarketDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Records and forwards a change; fire-and-forget.</summary>
    [OneWay, Alias("Publish")]
    Task Publish(MarketChange change);

    /// <summary>Records and forwards the changes of one market step as one change set (each silo applies it in one swap); fire-and-forget.</summary>
    [OneWay, Alias("PublishStep")]
    Task PublishStep(MarketChange[] step);

    /// <summary>Subscribes a silo snapshot (renew within the expiry to stay subscribed).</summary>
    [Alias("Subscribe")]
    Task Subscribe(IMarketObserver observer);

    /// <summary>Removes a silo snapshot.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(IMarketObserver observer);

    /// <summary>Everything published so far.</summary>
    [Alias("GetState")]
    Task<MarketState> GetState();
}

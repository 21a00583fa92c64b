using Orleans.Concurrency;

namespace Grid.Abstractions.Market;

/// <summary>A silo's market snapshot: receives every published change.</summary>
[Alias("grid.IMarketObserver")]
public interface IMarketObserver : IGrainObserver
{
    /// <summary>Changes to apply (newest version wins); fire-and-forget.</summary>
    [OneWay, Alias("Changed")]
    Task Changed(MarketChange[] changes);
}

using Orleans.Concurrency;

namespace Grid.Abstractions.Risk;

/// <summary>A silo's risk-event feed: receives every event and every account claim.</summary>
[Alias("grid.IRiskEventObserver")]
public interface IRiskEventObserver : IGrainObserver
{
    /// <summary>New events; fire-and-forget.</summary>
    [OneWay, Alias("Published")]
    Task Published(RiskEventData[] events);

    /// <summary>An account is now monitored by <paramref name="silo"/>: other silos drop their replica.</summary>
    [OneWay, Alias("Claimed")]
    Task Claimed(string accountId, string silo);
}

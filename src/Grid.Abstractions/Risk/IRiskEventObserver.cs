using Orleans.Concurrency;

namespace Grid.Abstractions.Risk;

/// <summary>
/// A silo's risk-event feed: receives the events every silo announces (sent straight from the announcing
/// silo), every account claim (through the hub), and the list of the other silos' feeds to send its own to.
/// </summary>
[Alias("grid.IRiskEventObserver")]
public interface IRiskEventObserver : IGrainObserver
{
    /// <summary>New events, in the order announced; awaited by the sender, so its next batch cannot overtake this one.</summary>
    [Alias("Published")]
    Task Published(RiskEventData[] events);

    /// <summary>An account is now monitored by <paramref name="silo"/>: other silos drop their replica.</summary>
    [OneWay, Alias("Claimed")]
    Task Claimed(string accountId, string silo);

    /// <summary>
    /// The other silos' feeds, which this silo sends the events it announces to: replaces the previous list
    /// unless <paramref name="version"/> is older (one-way lists may arrive out of order).
    /// </summary>
    [OneWay, Alias("Peers")]
    Task Peers(IRiskEventObserver[] feeds, long version);
}

using System.Threading.Channels;

namespace Grid.Abstractions.Risk;

/// <summary>The silo-local stream of risk events, for the gateway (RiskEvents subscribers, engine cancel instructions).</summary>
public interface IRiskEventFeed
{
    /// <summary>Opens a bounded subscription; the oldest events are dropped when a reader falls behind.</summary>
    ChannelReader<RiskEventData> Subscribe(int capacity, CancellationToken cancellation);

    /// <summary>
    /// Opens a RiskEvents subscription: a queue that coalesces each account's events into the latest
    /// (at most <paramref name="accounts"/> accounts pending), completed when <paramref name="cancellation"/> fires.
    /// </summary>
    RiskEventQueue Follow(int accounts, CancellationToken cancellation);

    /// <summary>The most recent events (newest last).</summary>
    IReadOnlyList<RiskEventData> Recent(int count);
}

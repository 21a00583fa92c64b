using System.Threading.Channels;

namespace Grid.Abstractions.Risk;

/// <summary>The silo-local stream of risk events, for the gateway (RiskEvents subscribers, engine cancel instructions).</summary>
public interface IRiskEventFeed
{
    /// <summary>Opens a bounded subscription; the oldest events are dropped when a reader falls behind.</summary>
    ChannelReader<RiskEventData> Subscribe(int capacity, CancellationToken cancellation);

    /// <summary>The most recent events (newest last).</summary>
    IReadOnlyList<RiskEventData> Recent(int count);
}

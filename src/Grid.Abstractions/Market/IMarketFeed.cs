using System.Threading.Channels;

namespace Grid.Abstractions.Market;

/// <summary>The silo-local market as a stream, for the gateway's MarketData.Subscribe.</summary>
public interface IMarketFeed
{
    /// <summary>The newest version of every instrument and underlying this silo holds.</summary>
    MarketState Snapshot();

    /// <summary>
    /// An option's mark as this silo's risk model computes it (Black-76, in quote units) and the newest
    /// observation among its inputs (vol, and the forward of its expiry or the index); false when the
    /// instrument is not an option or cannot be priced now.
    /// </summary>
    bool TryGetOptionMark(string instrumentId, out decimal mark, out DateTimeOffset observedAt);

    /// <summary>
    /// Every change this silo applies from now on (only newer versions: a stale or repeated change is not
    /// passed on). Bounded: when a reader falls behind, the oldest changes are dropped.
    /// </summary>
    ChannelReader<MarketChange> Subscribe(int capacity, CancellationToken cancellation);
}

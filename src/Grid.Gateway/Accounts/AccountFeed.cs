using System.Threading.Channels;
using Grid.Abstractions.Accounts;

namespace Grid.Gateway.Accounts;

/// <summary>
/// The observer behind one Watch call. Each update is a full snapshot, so the feed holds only the
/// latest: a newer snapshot replaces one the stream has not sent yet (the contract's coalescing).
/// </summary>
internal sealed class AccountFeed : IAccountObserver
{
    private readonly Channel<BuyingPower> _latest = Channel.CreateBounded<BuyingPower>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    /// <summary>The snapshots still to send, newest only.</summary>
    public ChannelReader<BuyingPower> Updates => _latest.Reader;

    /// <summary>Called by the account grain (one-way); never blocks the grain.</summary>
    public Task Updated(BuyingPower update)
    {
        _latest.Writer.TryWrite(update);
        return Task.CompletedTask;
    }
}

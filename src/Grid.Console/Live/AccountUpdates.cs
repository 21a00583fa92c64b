using System.Threading.Channels;
using Grid.Abstractions.Accounts;

namespace Grid.Console.Live;

/// <summary>
/// The observer behind one live account page. Each update is a full snapshot, so only the latest is
/// kept: a newer one replaces an update the page has not been sent yet.
/// </summary>
internal sealed class AccountUpdates : IAccountObserver
{
    private readonly Channel<BuyingPower> _latest = Channel.CreateBounded<BuyingPower>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    /// <summary>Snapshots still to send, newest only.</summary>
    public ChannelReader<BuyingPower> Reader => _latest.Reader;

    /// <summary>Called by the account grain (one-way); never blocks it.</summary>
    public Task Updated(BuyingPower update)
    {
        _latest.Writer.TryWrite(update);
        return Task.CompletedTask;
    }
}

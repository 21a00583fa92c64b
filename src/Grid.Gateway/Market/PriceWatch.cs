using Grid.Abstractions.Market;
using Grpc.Core;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// One MarketData.Subscribe call: the current value of every watched price, then each applied change.
/// Changes that arrive while a write is under way are coalesced per instrument and underlying (only the
/// newest is sent), so a slow watcher gets fewer, fresher updates and never holds the silo back.
/// </summary>
internal sealed class PriceWatch(IMarketFeed feed, PriceFilter filter)
{
    private const int Capacity = 4_096;

    /// <summary>Streams until the caller leaves.</summary>
    public async Task Run(IServerStreamWriter<Wire.PriceUpdate> stream, CancellationToken cancellation)
    {
        // Subscribed before the snapshot is taken, so no change falls between the two (one may come twice).
        var changes = feed.Subscribe(Capacity, cancellation);
        var snapshot = feed.Snapshot();
        if (snapshot.Rulebook is { } rulebook)
        {
            await Send(new MarketChange { Rulebook = rulebook }, stream);
        }

        foreach (var u in snapshot.Underlyings)
        {
            await Send(new MarketChange { Underlying = u }, stream);
        }

        foreach (var i in snapshot.Instruments)
        {
            await Send(new MarketChange { Instrument = i }, stream);
        }

        var pending = new Dictionary<string, MarketChange>(StringComparer.Ordinal);
        try
        {
            while (await changes.WaitToReadAsync(cancellation))
            {
                pending.Clear();
                while (changes.TryRead(out var c))
                {
                    pending[c.Instrument is { } i ? "i:" + i.Spec.Id : c.Underlying is { } u ? "u:" + u.Asset : "r:"] = c;
                }

                foreach (var c in pending.Values)
                {
                    await Send(c, stream);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The caller left.
        }
    }

    private async Task Send(MarketChange change, IServerStreamWriter<Wire.PriceUpdate> stream)
    {
        foreach (var update in filter.Updates(change))
        {
            await stream.WriteAsync(update);
        }
    }
}

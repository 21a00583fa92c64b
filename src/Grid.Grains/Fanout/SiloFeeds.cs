using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Grid.Grains.Fanout;

/// <summary>
/// The silo feeds a cluster-wide fan-out grain (market directory, risk-event hub) notifies. Each silo
/// renews its feed every few seconds; the list is also stored, because when the grain's silo dies
/// and it reactivates elsewhere, an empty list would drop every change until the next renewal (prices
/// not reaching the surviving silos, a liquidation event nobody hears). A stored feed whose silo is
/// gone is never renewed and expires within a minute (notifications are one-way, so they cannot tell).
/// </summary>
/// <typeparam name="T">The observer interface.</typeparam>
internal sealed class SiloFeeds<T>(IPersistentState<SubscriberRecord<T>> state, ILogger logger)
    where T : IGrainObserver
{
    private readonly ObserverManager<T> _observers = new(TimeSpan.FromMinutes(1), logger);

    /// <summary>Number of feeds currently notified.</summary>
    public int Count => _observers.Count;

    /// <summary>Takes over the feeds stored by the previous activation.</summary>
    public void Restore()
    {
        foreach (var o in state.State.Observers)
        {
            _observers.Subscribe(o, o);
        }
    }

    /// <summary>Adds or renews a feed; a feed not yet stored is written before the call returns.</summary>
    public async Task Subscribe(T observer)
    {
        _observers.Subscribe(observer, observer);
        if (!state.State.Observers.Contains(observer))
        {
            await Store();
        }
    }

    /// <summary>Removes a feed (its silo is stopping).</summary>
    public async Task Unsubscribe(T observer)
    {
        _observers.Unsubscribe(observer);
        if (state.State.Observers.Contains(observer))
        {
            await Store();
        }
    }

    /// <summary>The feeds renewed within the expiry (those not renewed are dropped first).</summary>
    public T[] Live()
    {
        _observers.ClearExpired();
        return [.. _observers.Observers.Values];
    }

    /// <summary>Notifies every live feed.</summary>
    public Task Notify(Func<T, Task> notification) => _observers.Notify(notification);

    private async Task Store()
    {
        var stored = state.State.Observers;
        state.State.Observers = [.. _observers.Observers.Values];
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            // Storage down: the feed is notified anyway, and the next renewal stores it.
            state.State.Observers = stored;
            GrainsLog.FeedsNotStored(logger, e);
        }
    }
}

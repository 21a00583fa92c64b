using Orleans.Concurrency;

namespace Grid.Abstractions.Risk;

/// <summary>
/// The directory of the silos' risk-event feeds (key "events"): tells each feed the others' (silos then send
/// their events straight to each other, the hub is not on the events' path) and fans account claims out.
/// Never on the check path.
/// </summary>
[Alias("grid.IRiskEventHub")]
public interface IRiskEventHub : IGrainWithStringKey
{
    /// <summary>Announces that <paramref name="silo"/> now monitors an account; fire-and-forget.</summary>
    [OneWay, Alias("Claim")]
    Task Claim(string accountId, string silo);

    /// <summary>Subscribes a silo feed (renew within a minute); it is sent the other feeds, and they it.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IRiskEventObserver observer);

    /// <summary>Unsubscribes a silo feed; the others are sent the list without it.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(IRiskEventObserver observer);
}

using Orleans.Concurrency;

namespace Grid.Abstractions.Risk;

/// <summary>Fans risk events and account claims out to every silo (key "events"). Never on the check path.</summary>
[Alias("grid.IRiskEventHub")]
public interface IRiskEventHub : IGrainWithStringKey
{
    /// <summary>Numbers and forwards events; fire-and-forget.</summary>
    [OneWay, Alias("Publish")]
    Task Publish(RiskEventData[] events);

    /// <summary>Announces that <paramref name="silo"/> now monitors an account; fire-and-forget.</summary>
    [OneWay, Alias("Claim")]
    Task Claim(string accountId, string silo);

    /// <summary>Subscribes a silo feed (renew within a minute).</summary>
    [Alias("Subscribe")]
    Task Subscribe(IRiskEventObserver observer);

    /// <summary>Unsubscribes a silo feed.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(IRiskEventObserver observer);
}

using Orleans.Concurrency;

namespace Grid.Abstractions.Accounts;

/// <summary>Receives an account's buying power after every change (the Watch stream).</summary>
[Alias("grid.IAccountObserver")]
public interface IAccountObserver : IGrainObserver
{
    /// <summary>The account changed; fire-and-forget.</summary>
    [OneWay, Alias("Updated")]
    Task Updated(BuyingPower update);
}

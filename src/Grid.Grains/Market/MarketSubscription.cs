using Grid.Abstractions.Market;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Market;

/// <summary>
/// Keeps this silo's <see cref="MarketView"/> subscribed to the market directory: loads the full
/// state once the silo is active, then renews the subscription (which also heals a lost directory).
/// </summary>
internal sealed class MarketSubscription(IGrainFactory grains, MarketView view, ILogger<MarketSubscription> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();
    private IMarketObserver? _reference;
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(MarketSubscription), ServiceLifecycleStage.Active, Start, Stop);

    public void Dispose() => _stop.Dispose();

    private async Task Start(CancellationToken ct)
    {
        _reference = grains.CreateObjectReference<IMarketObserver>(view);
        await Renew();
        _loop = Task.Run(RenewLoop);
    }

    private async Task Stop(CancellationToken ct)
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_reference is not null)
        {
            try
            {
                await grains.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).Unsubscribe(_reference).WaitAsync(TimeSpan.FromSeconds(2), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                GrainsLog.MarketUnsubscribeFailed(logger, e);
            }

            grains.DeleteObjectReference<IMarketObserver>(_reference);
        }
    }

    private async Task RenewLoop()
    {
        using var timer = new PeriodicTimer(Renewal);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await Renew();
            }
        }
        catch (OperationCanceledException)
        {
            // Silo stopping.
        }
    }

    private async Task Renew()
    {
        try
        {
            var directory = grains.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key);
            await directory.Subscribe(_reference!);
            view.Load(await directory.GetState());
        }
        catch (Exception e)
        {
            GrainsLog.MarketSubscribeFailed(logger, e);
        }
    }
}

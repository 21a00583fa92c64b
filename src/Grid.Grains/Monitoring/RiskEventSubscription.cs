using Grid.Abstractions.Risk;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Monitoring;

/// <summary>Keeps this silo's <see cref="RiskEventFeed"/> subscribed to the hub while the silo is active.</summary>
internal sealed class RiskEventSubscription(IGrainFactory grains, RiskEventFeed feed, ILogger<RiskEventSubscription> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();
    private IRiskEventObserver? _reference;
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(RiskEventSubscription), ServiceLifecycleStage.Active, Start, Stop);

    public void Dispose() => _stop.Dispose();

    private async Task Start(CancellationToken ct)
    {
        _reference = grains.CreateObjectReference<IRiskEventObserver>(feed);
        await Renew();
        _loop = Task.Run(RenewLoop);
    }

    private async Task Stop(CancellationToken ct)
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_reference is not null)
        {
            grains.DeleteObjectReference<IRiskEventObserver>(_reference);
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
            await grains.GetGrain<IRiskEventHub>(RiskEventHubGrain.Key).Subscribe(_reference!);
        }
        catch (Exception e)
        {
            GrainsLog.RiskFeedSubscribeFailed(logger, e);
        }
    }
}

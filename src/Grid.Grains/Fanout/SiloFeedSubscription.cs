namespace Grid.Grains.Fanout;

/// <summary>
/// Keeps one silo-local feed subscribed to a cluster-wide fan-out grain while the silo is active:
/// subscribes when the silo turns active, renews every 20 s (which also heals a fan-out grain that
/// lost its list), and unsubscribes when the silo stops.
/// </summary>
/// <typeparam name="T">The observer interface the feed implements.</typeparam>
internal abstract class SiloFeedSubscription<T>(IGrainFactory grains, T feed) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
    where T : class, IGrainObserver
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan UnsubscribeLimit = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stop = new();
    private T? _reference;
    private Task _loop = Task.CompletedTask;

    /// <summary>The grain factory.</summary>
    protected IGrainFactory Grains => grains;

    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(GetType().Name, ServiceLifecycleStage.Active, Start, Stop);

    public void Dispose() => _stop.Dispose();

    /// <summary>Subscribes (or renews) the feed's reference, and catches up on what it missed.</summary>
    protected abstract Task Subscribe(T reference);

    /// <summary>Removes the feed's reference from the fan-out grain.</summary>
    protected abstract Task Unsubscribe(T reference);

    /// <summary>Logs a failed subscription (retried at the next renewal).</summary>
    protected abstract void SubscribeFailed(Exception exception);

    /// <summary>Logs a failed unsubscription (the reference then expires unrenewed).</summary>
    protected abstract void UnsubscribeFailed(Exception exception);

    private async Task Start(CancellationToken ct)
    {
        _reference = grains.CreateObjectReference<T>(feed);
        await Renew();
        _loop = Task.Run(RenewLoop);
    }

    private async Task Stop(CancellationToken ct)
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_reference is null)
        {
            return;
        }

        try
        {
            await Unsubscribe(_reference).WaitAsync(UnsubscribeLimit, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            UnsubscribeFailed(e);
        }

        grains.DeleteObjectReference<T>(_reference);
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
            await Subscribe(_reference!);
        }
        catch (Exception e)
        {
            SubscribeFailed(e);
        }
    }
}

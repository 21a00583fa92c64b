using Grid.Abstractions.Accounts;
using Grid.Grains.Accounts;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Monitoring;

/// <summary>
/// When a silo dies, the at-risk accounts its monitor watched (idle ones included) would go
/// unwatched: the oldest live silo asks the registry to wake them, so they activate on a survivor and
/// its monitor takes them over. Dead silos already in the table at start (a full restart) count too, and
/// silos that died shortly before are woken again (<see cref="RevivalSchedule"/> says why).
/// </summary>
internal sealed class SiloFailureWatch(
    IClusterMembershipService membership, ILocalSiloDetails local, IGrainFactory grains, TimeProvider clock, ILogger<SiloFailureWatch> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    // Longer than an account's deferred claim takes, including its retries after a bucket had to move.
    private readonly RevivalSchedule _schedule = new(TimeSpan.FromMinutes(2));
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(SiloFailureWatch), ServiceLifecycleStage.Active, Start, Stop);

    public void Dispose() => _stop.Dispose();

    private Task Start(CancellationToken ct)
    {
        _loop = Task.Run(Watch);
        return Task.CompletedTask;
    }

    // A revival in flight may be a grain call that waits for its full timeout on a silo that is going away:
    // it is not waited for beyond a moment, so the silo's shutdown stays within its grace period.
    private async Task Stop(CancellationToken ct)
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(StopWait, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task Watch()
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stop.Token))
            {
                var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToList();
                if (active.Count == 0 || !active.Min()!.Equals(local.SiloAddress))
                {
                    continue;
                }

                var dead = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress.ToParsableString());
                foreach (var silo in _schedule.OnDeadSilos(dead, clock.GetUtcNow()))
                {
                    await Revive(silo);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Silo stopping.
        }
    }

    // The registry itself may have lived on the dead silo: its first calls can fail while the cluster
    // notices, so waking is retried (with a growing pause) until it succeeds or the silo stops.
    private async Task Revive(string dead)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var woken = await grains.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key).Revive(dead);
                GrainsLog.AccountsRevived(logger, dead, woken);
                return;
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                GrainsLog.ReviveFailed(logger, dead, attempt, e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), _stop.Token);
            }
        }
    }
}

using Grid.Abstractions.Accounts;
using Grid.Grains.Accounts;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Monitoring;

/// <summary>
/// When a silo dies, the at-risk accounts its monitor watched (idle ones included) would go
/// unwatched: the oldest live silo asks the registry to wake them, so they activate on a survivor and
/// its monitor takes them over. Dead silos already in the table at start (a full restart) count too.
/// </summary>
internal sealed class SiloFailureWatch(
    IClusterMembershipService membership, ILocalSiloDetails local, IGrainFactory grains, ILogger<SiloFailureWatch> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<SiloAddress> _handled = [];
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

                foreach (var dead in snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress))
                {
                    if (_handled.Add(dead))
                    {
                        await Revive(dead);
                    }
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
    private async Task Revive(SiloAddress dead)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var woken = await grains.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key).Revive(dead.ToParsableString());
                GrainsLog.AccountsRevived(logger, dead.ToString(), woken);
                return;
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                GrainsLog.ReviveFailed(logger, dead.ToString(), attempt, e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), _stop.Token);
            }
        }
    }
}

using System.Diagnostics;

namespace Grid.Grains.Accounts;

/// <summary>
/// What an activation owes the cluster besides its state, done after its first reply instead of before it:
/// the venues of its stored orders joined again (AccountGrain.Venues) and its first claim at the registry (a
/// survivor must know to wake the account should this silo die). After a failover both called grains that had
/// to move as well, and held every woken account's first reply ≈ 1 s (docs/reliability.md). The reply does not
/// need the rejoin: the stored orders' venues listed the account before those orders were acknowledged, and
/// the rejoin only repairs an index that lost it. Nor the claim, but for one gap: until it is stored the
/// registry names the account's previous silo, so should this silo die too in that moment, the survivors do not
/// wake the account (docs/reliability.md, "Activation: what the first reply no longer waits for"). A one-shot
/// timer runs both in the grain's own turns; what failed is tried again after a growing pause until both are
/// done, and a deactivation before then makes one last, bounded attempt (the next activation starts over anyway).
/// </summary>
public sealed partial class AccountGrain
{
    private static readonly TimeSpan LastAttempt = TimeSpan.FromSeconds(2);
    private IGrainTimer? _reinstating;
    private int _reinstateAttempts;
    private long _reinstateFrom;
    private bool _reinstated = true;
    private bool _deactivating;

    // Set from activation until the registry stored this activation's first claim (or the account holds no risk).
    private bool _claimDue;

    /// <summary>Schedules the rejoin and the first claim, to run as soon as the activation has taken its first turn.</summary>
    private void Reinstate()
    {
        _claimDue = true;
        _reinstated = false;
        _reinstateFrom = Stopwatch.GetTimestamp();
        ScheduleReinstatement(TimeSpan.Zero);
    }

    private void ScheduleReinstatement(TimeSpan after)
        => _reinstating = this.RegisterGrainTimer(
            _ => ReinstateOnce(),
            new GrainTimerCreationOptions(after, Timeout.InfiniteTimeSpan) { KeepAlive = false });

    private async Task ReinstateOnce()
    {
        _reinstating?.Dispose();
        _reinstating = null;
        _reinstateAttempts++;
        var rejoin = RejoinVenues();
        var claim = ClaimDue();
        var rejoined = await rejoin;
        var claimed = await claim;
        if (_deactivating)
        {
            // Its last attempt (ReinstateBeforeDeactivation) is under way: no timer on a deactivating activation.
            return;
        }

        if (rejoined && claimed)
        {
            _reinstated = true;
            GrainsLog.AccountReinstated(_logger, AccountId, Stopwatch.GetElapsedTime(_reinstateFrom).TotalMilliseconds, _reinstateAttempts);
            return;
        }

        var pause = TimeSpan.FromMilliseconds(Math.Min(200 << Math.Min(_reinstateAttempts - 1, 5), 5_000));
        GrainsLog.ReinstateRetrying(_logger, AccountId, _reinstateAttempts, !rejoined, !claimed, pause.TotalMilliseconds);
        ScheduleReinstatement(pause);
    }

    /// <summary>Deactivating before the reinstatement finished: one last attempt, so the registry names this silo, whose monitor keeps the replica.</summary>
    private async Task ReinstateBeforeDeactivation()
    {
        _deactivating = true;
        _reinstating?.Dispose();
        _reinstating = null;
        if (_reinstated || _commit.Failed)
        {
            // Done, or the state in memory is not what storage holds: the next activation starts over.
            return;
        }

        try
        {
            await Task.WhenAll(RejoinVenues(), ClaimDue()).WaitAsync(LastAttempt);
        }
        catch (TimeoutException)
        {
            // Bounded: the deactivation goes on; the next activation rejoins and claims again.
        }
    }

    /// <summary>This activation's first report, awaited as a claim when the account holds risk; false when the claim failed.</summary>
    private async Task<bool> ClaimDue()
    {
        if (!_claimDue)
        {
            return true;
        }

        var (registry, summary) = TakeReport();
        if (!summary.AtRisk)
        {
            _claimDue = false;
            _claimed = false;
            SendReport(registry, summary);
            return true;
        }

        try
        {
            await registry.Claim(summary);
            _claimed = true;
            _claimDue = false;
            return true;
        }
        catch (Exception e)
        {
            GrainsLog.ClaimFailed(_logger, AccountId, e);
            return false;
        }
    }
}

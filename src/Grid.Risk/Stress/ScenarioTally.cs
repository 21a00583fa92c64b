using Grid.Risk.Supervision;

namespace Grid.Risk.Stress;

/// <summary>
/// One scenario's house figures over the accounts added so far (Rulebook §5.3): total stress P&amp;L,
/// total deficit, the count in deficit and the top accounts by deficit, then stress loss, then id.
/// Tallies of disjoint sets of accounts merge exactly (order-free sums, the same top list), so a
/// silo or partition fills its own and the merge equals one pass. Not thread-safe: one per worker.
/// </summary>
public sealed class ScenarioTally
{
    private readonly TopList<StressedAccount> _top;
    private ExactSum _pnl;
    private ExactSum _deficit;

    /// <summary>An empty tally keeping the <paramref name="top"/> (≥ 2, for Cover-2) highest-ranked accounts.</summary>
    public ScenarioTally(string scenario, int top)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 2);
        Scenario = scenario;
        _top = new TopList<StressedAccount>(top, StressedAccount.Rank);
    }

    /// <summary>The scenario's name.</summary>
    public string Scenario { get; }

    /// <summary>How many top accounts are kept.</summary>
    public int Capacity => _top.Capacity;

    /// <summary>Σ stress P&amp;L.</summary>
    public ExactSum Pnl => _pnl;

    /// <summary>Σ deficit.</summary>
    public ExactSum Deficit => _deficit;

    /// <summary>Accounts with a deficit &gt; 0.</summary>
    public long InDeficit { get; private set; }

    /// <summary>The top accounts, highest rank first (<see cref="StressedAccount.Rank"/>).</summary>
    public ReadOnlySpan<StressedAccount> Top => _top.Items;

    /// <summary>Rebuilds a tally from its parts (e.g. received from another silo).</summary>
    public static ScenarioTally Restore(string scenario, int top, ExactSum pnl, ExactSum deficit, long inDeficit, IEnumerable<StressedAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentOutOfRangeException.ThrowIfNegative(inDeficit);
        var tally = new ScenarioTally(scenario, top) { _pnl = pnl, _deficit = deficit, InDeficit = inDeficit };
        foreach (var a in accounts)
        {
            tally._top.Offer(a);
        }

        return tally;
    }

    /// <summary>Adds one account's outcome in this scenario (no allocation).</summary>
    public void Add(string accountId, in StressOutcome outcome)
    {
        var account = new StressedAccount(accountId, outcome.Ae, outcome.AeStressed);
        _pnl.Add(account.Pnl);
        var deficit = account.Deficit;
        if (deficit > 0)
        {
            _deficit.Add(deficit);
            InDeficit++;
        }

        _top.Offer(account);
    }

    /// <summary>Adds a tally of other accounts of the same scenario.</summary>
    /// <exception cref="ArgumentException">Another scenario or another top size.</exception>
    public void Merge(ScenarioTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Scenario != Scenario || other.Capacity != Capacity)
        {
            throw new ArgumentException($"cannot merge scenario '{other.Scenario}' (top {other.Capacity}) into '{Scenario}' (top {Capacity})", nameof(other));
        }

        _pnl.Add(other._pnl);
        _deficit.Add(other._deficit);
        InDeficit += other.InDeficit;
        foreach (var a in other.Top)
        {
            _top.Offer(a);
        }
    }
}

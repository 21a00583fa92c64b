using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;

namespace Grid.Risk.Supervision;

/// <summary>
/// The house-wide impact of a candidate rulebook (Rulebook §5.5), mergeable like
/// <see cref="HouseStress"/>: total IM change, accounts changing state by transition, the largest
/// increases. Not thread-safe: one per worker, then <see cref="Merge"/>.
/// </summary>
public sealed class HouseImpact
{
    /// <summary>Largest increases kept unless told otherwise.</summary>
    public const int DefaultTop = 10;

    private readonly TopList<AccountImpact> _top;
    private ExactSum _imBefore;
    private ExactSum _imAfter;
    private ExactSum _positionsBefore;
    private ExactSum _positionsAfter;

    /// <summary>An empty partial comparing two rulebook versions.</summary>
    public HouseImpact(string currentVersion, string candidateVersion, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(currentVersion);
        ArgumentNullException.ThrowIfNull(candidateVersion);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        CurrentVersion = currentVersion;
        CandidateVersion = candidateVersion;
        _top = new TopList<AccountImpact>(top, AccountImpact.Rank);
    }

    /// <summary>The rulebook in force.</summary>
    public string CurrentVersion { get; }

    /// <summary>The candidate.</summary>
    public string CandidateVersion { get; }

    /// <summary>Accounts added.</summary>
    public long Accounts { get; private set; }

    /// <summary>Accounts that could not be evaluated.</summary>
    public long Skipped { get; private set; }

    /// <summary>States now → under the candidate.</summary>
    public StateTransitions Transitions { get; } = new();

    /// <summary>The exact sums, for shipping a partial.</summary>
    public (ExactSum ImBefore, ExactSum ImAfter, ExactSum ImPositionsBefore, ExactSum ImPositionsAfter) Sums
        => (_imBefore, _imAfter, _positionsBefore, _positionsAfter);

    /// <summary>The largest increases so far.</summary>
    public ReadOnlySpan<AccountImpact> LargestIncreases => _top.Items;

    /// <summary>How many increases are kept.</summary>
    public int Capacity => _top.Capacity;

    /// <summary>The candidate's model: the current instruments and market under <paramref name="candidate"/>.</summary>
    /// <param name="current">The model in force.</param>
    /// <param name="candidate">The candidate rulebook.</param>
    /// <param name="skipped">Receives the instruments the candidate cannot price (their holders are then skipped).</param>
    public static RiskModel CandidateModel(RiskModel current, Rulebook candidate, ICollection<RiskInputException>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        return RiskModel.Build(candidate, [.. current.Instruments.Select(i => i.Spec)], current.Market, skipped ?? []);
    }

    /// <summary>Evaluates books of the current model under both and adds them (tests, the simulator, small houses).</summary>
    public static HouseImpact Of(RiskModel candidate, IEnumerable<(string Id, AccountBook Book)> accounts, string currentVersion, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(accounts);
        var house = new HouseImpact(currentVersion, candidate.Rulebook.Version, top);
        foreach (var (id, book) in accounts)
        {
            try
            {
                var after = book.Clone();
                after.Rebuild(candidate);
                house.Add(AccountImpact.Of(id, book.Figures(), after.Figures()));
            }
            catch (RiskInputException)
            {
                house.Skip();
            }
        }

        return house;
    }

    /// <summary>Rebuilds a partial from its parts (e.g. received from another silo).</summary>
    public static HouseImpact Restore(
        string currentVersion, string candidateVersion, int top, long accounts, long skipped,
        (ExactSum ImBefore, ExactSum ImAfter, ExactSum ImPositionsBefore, ExactSum ImPositionsAfter) sums,
        IEnumerable<StateTransition> transitions, IEnumerable<AccountImpact> largest)
    {
        var house = new HouseImpact(currentVersion, candidateVersion, top)
        {
            Accounts = accounts, Skipped = skipped, _imBefore = sums.ImBefore, _imAfter = sums.ImAfter,
            _positionsBefore = sums.ImPositionsBefore, _positionsAfter = sums.ImPositionsAfter,
        };
        house.Transitions.Merge(StateTransitions.Restore(transitions));
        foreach (var a in largest)
        {
            house._top.Offer(a);
        }

        return house;
    }

    /// <summary>Adds one account.</summary>
    public void Add(in AccountImpact account)
    {
        _imBefore.Add(account.ImBefore);
        _imAfter.Add(account.ImAfter);
        _positionsBefore.Add(account.ImPositionsBefore);
        _positionsAfter.Add(account.ImPositionsAfter);
        Transitions.Add(account.StateBefore, account.StateAfter);
        _top.Offer(account);
        Accounts++;
    }

    /// <summary>Counts an account that could not be evaluated.</summary>
    public void Skip() => Skipped++;

    /// <summary>Adds a partial over other accounts (same versions and top size).</summary>
    public void Merge(HouseImpact other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.CurrentVersion != CurrentVersion || other.CandidateVersion != CandidateVersion || other.Capacity != Capacity)
        {
            throw new ArgumentException($"cannot merge the impact of {other.CurrentVersion} → {other.CandidateVersion} into {CurrentVersion} → {CandidateVersion}", nameof(other));
        }

        Accounts += other.Accounts;
        Skipped += other.Skipped;
        _imBefore.Add(other._imBefore);
        _imAfter.Add(other._imAfter);
        _positionsBefore.Add(other._positionsBefore);
        _positionsAfter.Add(other._positionsAfter);
        Transitions.Merge(other.Transitions);
        foreach (var a in other.LargestIncreases)
        {
            _top.Offer(a);
        }
    }

    /// <summary>The house impact so far.</summary>
    public HouseImpactResult Result() => new()
    {
        CurrentVersion = CurrentVersion,
        CandidateVersion = CandidateVersion,
        Accounts = Accounts,
        Skipped = Skipped,
        ImBefore = _imBefore.Value,
        ImAfter = _imAfter.Value,
        ImPositionsBefore = _positionsBefore.Value,
        ImPositionsAfter = _positionsAfter.Value,
        Transitions = Transitions.Changes(),
        LargestIncreases = _top.Items.ToArray(),
    };
}

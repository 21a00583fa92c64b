using Grid.Risk.Accounts;
using Grid.Risk.Stress;

namespace Grid.Risk.Supervision;

/// <summary>
/// House-wide cross-margin dependency (Rulebook §5.4), mergeable like <see cref="HouseStress"/>:
/// each silo adds the accounts it holds, partials of disjoint accounts merge exactly. Not thread-safe.
/// </summary>
public sealed class HouseDependency
{
    private readonly SortedDictionary<string, PairTally> _pairs = new(StringComparer.Ordinal);
    private ExactSum _siloed;
    private ExactSum _cross;
    private ExactSum _credit;
    private ExactSum _creditPositions;
    private ExactSum _im;
    private ExactSum _imWithout;
    private ExactSum _called;

    /// <summary>Accounts added.</summary>
    public long Accounts { get; private set; }

    /// <summary>Accounts OK now that would not be without credits.</summary>
    public long LeavingOk { get; private set; }

    /// <summary>Accounts that could not be evaluated (not in any figure).</summary>
    public long Skipped { get; private set; }

    /// <summary>State now → state without credits.</summary>
    public StateTransitions Transitions { get; } = new();

    /// <summary>The exact sums, for shipping a partial: siloed, cross, credit, positions-only credit, IM, IM without credits, called IM.</summary>
    public (ExactSum Siloed, ExactSum Cross, ExactSum Credit, ExactSum CreditPositions, ExactSum Im, ExactSum ImWithoutCredits, ExactSum Called) Sums
        => (_siloed, _cross, _credit, _creditPositions, _im, _imWithout, _called);

    /// <summary>Credits by pair.</summary>
    public IReadOnlyCollection<PairTally> Pairs => _pairs.Values;

    /// <summary>Rebuilds a partial from its parts (e.g. received from another silo).</summary>
    public static HouseDependency Restore(
        long accounts, long skipped, long leavingOk,
        (ExactSum Siloed, ExactSum Cross, ExactSum Credit, ExactSum CreditPositions, ExactSum Im, ExactSum ImWithoutCredits, ExactSum Called) sums,
        IEnumerable<PairTally> pairs, IEnumerable<StateTransition> transitions)
    {
        var house = new HouseDependency
        {
            Accounts = accounts, Skipped = skipped, LeavingOk = leavingOk, _siloed = sums.Siloed, _cross = sums.Cross, _credit = sums.Credit,
            _creditPositions = sums.CreditPositions, _im = sums.Im, _imWithout = sums.ImWithoutCredits, _called = sums.Called,
        };
        foreach (var p in pairs)
        {
            house.AddPair(p.GroupA, p.GroupB, p.Credit, p.CreditPositions);
        }

        house.Transitions.Merge(StateTransitions.Restore(transitions));
        return house;
    }

    /// <summary>Computes every book's dependency and adds it (tests, the simulator, small houses).</summary>
    public static HouseDependency Of(IEnumerable<AccountBook> books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var house = new HouseDependency();
        foreach (var book in books)
        {
            house.Add(CreditDependency.Of(book));
        }

        return house;
    }

    /// <summary>Adds one account.</summary>
    public void Add(CreditDependency account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Accounts++;
        _siloed.Add(account.SiloedTotal);
        _cross.Add(account.CrossTotal);
        _credit.Add(account.CreditTotal);
        _creditPositions.Add(account.CreditTotalPositions);
        _im.Add(account.Im);
        _imWithout.Add(account.ImWithoutCredits);
        foreach (var p in account.Credits)
        {
            AddPair(p.GroupA, p.GroupB, One(p.Credit), default);
        }

        foreach (var p in account.CreditsPositions)
        {
            AddPair(p.GroupA, p.GroupB, default, One(p.Credit));
        }

        Transitions.Add(account.State, account.StateWithoutCredits);
        if (account.LeavesOk)
        {
            LeavingOk++;
            _called.Add(account.CalledIm);
        }
    }

    /// <summary>Counts an account that could not be evaluated.</summary>
    public void Skip() => Skipped++;

    /// <summary>Adds a partial over other accounts.</summary>
    public void Merge(HouseDependency other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Accounts += other.Accounts;
        Skipped += other.Skipped;
        LeavingOk += other.LeavingOk;
        _siloed.Add(other._siloed);
        _cross.Add(other._cross);
        _credit.Add(other._credit);
        _creditPositions.Add(other._creditPositions);
        _im.Add(other._im);
        _imWithout.Add(other._imWithout);
        _called.Add(other._called);
        foreach (var p in other._pairs.Values)
        {
            AddPair(p.GroupA, p.GroupB, p.Credit, p.CreditPositions);
        }

        Transitions.Merge(other.Transitions);
    }

    /// <summary>The house figures so far.</summary>
    public HouseDependencyResult Result() => new()
    {
        Accounts = Accounts,
        Skipped = Skipped,
        SiloedTotal = _siloed.Value,
        CrossTotal = _cross.Value,
        CreditTotal = _credit.Value,
        CreditTotalPositions = _creditPositions.Value,
        Credits = [.. _pairs.Values.Select(p => new PairCredit(p.GroupA, p.GroupB, p.Credit.Value))],
        CreditsPositions = [.. _pairs.Values.Select(p => new PairCredit(p.GroupA, p.GroupB, p.CreditPositions.Value))],
        Im = _im.Value,
        ImWithoutCredits = _imWithout.Value,
        LeavingOk = LeavingOk,
        CalledIm = _called.Value,
        Transitions = Transitions.Changes(),
    };

    private void AddPair(string a, string b, ExactSum credit, ExactSum creditPositions)
    {
        var key = $"{a}/{b}";
        var tally = _pairs.TryGetValue(key, out var t) ? t : new PairTally(a, b, default, default);
        var c = tally.Credit;
        c.Add(credit);
        var cp = tally.CreditPositions;
        cp.Add(creditPositions);
        _pairs[key] = tally with { Credit = c, CreditPositions = cp };
    }

    private static ExactSum One(double value)
    {
        var sum = default(ExactSum);
        sum.Add(value);
        return sum;
    }
}

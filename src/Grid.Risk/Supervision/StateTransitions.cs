using Grid.Risk.Accounts;

namespace Grid.Risk.Supervision;

/// <summary>A mergeable count of accounts per (state now, state then), including those that stay.</summary>
public sealed class StateTransitions
{
    private const int States = 5;
    private readonly long[] _counts = new long[States * States];

    /// <summary>Counts one account.</summary>
    public void Add(AccountState from, AccountState to) => _counts[Cell(from, to)]++;

    /// <summary>Adds the counts of other accounts.</summary>
    public void Merge(StateTransitions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    /// <summary>Accounts that go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public long Count(AccountState from, AccountState to) => _counts[Cell(from, to)];

    /// <summary>Accounts in <paramref name="from"/> now that end in another state.</summary>
    public long Leaving(AccountState from)
    {
        long n = 0;
        for (var to = 1; to < States; to++)
        {
            n += to == (int)from ? 0 : _counts[Cell(from, (AccountState)to)];
        }

        return n;
    }

    /// <summary>The accounts that change state, by (from, to), in state order.</summary>
    public IReadOnlyList<StateTransition> Changes() => Cells(changesOnly: true);

    /// <summary>Every non-empty cell, the stays included (for the wire; see <see cref="Restore"/>).</summary>
    public IReadOnlyList<StateTransition> All() => Cells(changesOnly: false);

    /// <summary>Rebuilds counts from <see cref="All"/>.</summary>
    public static StateTransitions Restore(IEnumerable<StateTransition> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var t = new StateTransitions();
        foreach (var c in cells)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c.Count);
            t._counts[Cell(c.From, c.To)] += c.Count;
        }

        return t;
    }

    private List<StateTransition> Cells(bool changesOnly)
    {
        var list = new List<StateTransition>();
        for (var from = 1; from < States; from++)
        {
            for (var to = 1; to < States; to++)
            {
                var n = _counts[from * States + to];
                if (n > 0 && (!changesOnly || from != to))
                {
                    list.Add(new StateTransition((AccountState)from, (AccountState)to, n));
                }
            }
        }

        return list;
    }

    private static int Cell(AccountState from, AccountState to)
    {
        if ((uint)from is 0 or >= States || (uint)to is 0 or >= States)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"{from} → {to} is not a pair of account states");
        }

        return (int)from * States + (int)to;
    }
}

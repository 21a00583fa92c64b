namespace Grid.HopBudget;

/// <summary>
/// One hop of the pre-trade path: a sample (CPU or allocation) belongs to it when one of its stack
/// frames contains one of <see cref="Patterns"/>; <see cref="HopRules.Classify"/> says which hop wins
/// when several match (containers by priority, then the innermost hop of the path, then machinery).
/// </summary>
/// <param name="Name">Row of the table.</param>
/// <param name="Priority">Higher wins when several hops match one stack.</param>
/// <param name="Patterns">Ordinal substrings of frame names (perf symbols, EventPipe method names, "comm:" thread names).</param>
public sealed record Hop(string Name, int Priority, string[] Patterns)
{
    /// <summary>True when <paramref name="frame"/> belongs to this hop.</summary>
    public bool Matches(string frame)
    {
        foreach (var p in Patterns)
        {
            if (frame.Contains(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

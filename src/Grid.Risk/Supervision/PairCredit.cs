namespace Grid.Risk.Supervision;

/// <summary>The inter-group credit granted on one pair of groups (Rulebook §3.5, §5.4).</summary>
/// <param name="GroupA">First group of the rulebook pair.</param>
/// <param name="GroupB">Second group.</param>
/// <param name="Credit">USD of IM the pair's offset saves.</param>
public readonly record struct PairCredit(string GroupA, string GroupB, double Credit)
{
    /// <summary>"A/B", the pair's label.</summary>
    public string Pair => $"{GroupA}/{GroupB}";
}

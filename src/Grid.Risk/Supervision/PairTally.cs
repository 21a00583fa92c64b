using Grid.Risk.Stress;

namespace Grid.Risk.Supervision;

/// <summary>House-wide credits granted on one pair (Rulebook §5.4), as exact mergeable sums.</summary>
/// <param name="GroupA">First group.</param>
/// <param name="GroupB">Second group.</param>
/// <param name="Credit">Σ order-inclusive credits.</param>
/// <param name="CreditPositions">Σ positions-only credits.</param>
public readonly record struct PairTally(string GroupA, string GroupB, ExactSum Credit, ExactSum CreditPositions)
{
    /// <summary>"A/B".</summary>
    public string Pair => $"{GroupA}/{GroupB}";
}

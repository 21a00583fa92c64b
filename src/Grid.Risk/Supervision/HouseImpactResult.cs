namespace Grid.Risk.Supervision;

/// <summary>What loading a candidate rulebook would do to the house (Rulebook §5.5), unrounded.</summary>
public sealed record HouseImpactResult
{
    /// <summary>The rulebook in force.</summary>
    public required string CurrentVersion { get; init; }

    /// <summary>The candidate.</summary>
    public required string CandidateVersion { get; init; }

    /// <summary>Accounts evaluated under both.</summary>
    public required long Accounts { get; init; }

    /// <summary>Accounts that could not be evaluated under one of them (e.g. an instrument the candidate cannot price); in no figure.</summary>
    public required long Skipped { get; init; }

    /// <summary>Σ order-inclusive IM now.</summary>
    public required double ImBefore { get; init; }

    /// <summary>Σ order-inclusive IM under the candidate.</summary>
    public required double ImAfter { get; init; }

    /// <summary>Total IM change.</summary>
    public double ImChange => ImAfter - ImBefore;

    /// <summary>Σ positions-only IM now.</summary>
    public required double ImPositionsBefore { get; init; }

    /// <summary>Σ positions-only IM under the candidate.</summary>
    public required double ImPositionsAfter { get; init; }

    /// <summary>Relative change of house positions-only IM (the guard's figure): 0 when both are 0, +∞ from 0 to more.</summary>
    public double ImPositionsIncrease => ImPositionsBefore > 0
        ? (ImPositionsAfter - ImPositionsBefore) / ImPositionsBefore
        : ImPositionsAfter > 0 ? double.PositiveInfinity : 0;

    /// <summary>Accounts changing state, by (from, to).</summary>
    public required IReadOnlyList<StateTransition> Transitions { get; init; }

    /// <summary>The largest IM increases, largest first (ties by account id).</summary>
    public required IReadOnlyList<AccountImpact> LargestIncreases { get; init; }
}

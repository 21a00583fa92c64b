namespace Grid.Risk.Supervision;

/// <summary>House-wide cross-margin dependency (Rulebook §5.4), unrounded.</summary>
public sealed record HouseDependencyResult
{
    /// <summary>Accounts counted.</summary>
    public required long Accounts { get; init; }

    /// <summary>Accounts that could not be evaluated (not in any figure).</summary>
    public required long Skipped { get; init; }

    /// <summary>Σ siloed totals.</summary>
    public required double SiloedTotal { get; init; }

    /// <summary>Σ cross totals.</summary>
    public required double CrossTotal { get; init; }

    /// <summary>Siloed − cross: what cross-margining saves the house.</summary>
    public double Saving => SiloedTotal - CrossTotal;

    /// <summary>Σ order-inclusive credits.</summary>
    public required double CreditTotal { get; init; }

    /// <summary>Σ positions-only credits.</summary>
    public required double CreditTotalPositions { get; init; }

    /// <summary>Credits by pair (order-inclusive), pairs in ordinal order of their label.</summary>
    public required IReadOnlyList<PairCredit> Credits { get; init; }

    /// <summary>Credits by pair (positions only).</summary>
    public required IReadOnlyList<PairCredit> CreditsPositions { get; init; }

    /// <summary>Σ order-inclusive IM now.</summary>
    public required double Im { get; init; }

    /// <summary>Σ order-inclusive IM without credits.</summary>
    public required double ImWithoutCredits { get; init; }

    /// <summary>Accounts OK now that would not be without credits.</summary>
    public required long LeavingOk { get; init; }

    /// <summary>The margin those accounts would be called for: Σ (IM without credits − (AE − order costs)).</summary>
    public required double CalledIm { get; init; }

    /// <summary>Accounts by (state now, state without credits), changes only.</summary>
    public required IReadOnlyList<StateTransition> Transitions { get; init; }
}

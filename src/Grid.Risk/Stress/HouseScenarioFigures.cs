namespace Grid.Risk.Stress;

/// <summary>The house under one scenario (Rulebook §5.3), unrounded.</summary>
public sealed record HouseScenarioFigures
{
    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Σ stress P&amp;L over every account.</summary>
    public required double TotalPnl { get; init; }

    /// <summary>Σ deficit over every account.</summary>
    public required double TotalDeficit { get; init; }

    /// <summary>Accounts with a deficit.</summary>
    public required long AccountsInDeficit { get; init; }

    /// <summary>Cover-1: the largest deficit.</summary>
    public required double Cover1 { get; init; }

    /// <summary>Cover-2: the sum of the two largest deficits.</summary>
    public required double Cover2 { get; init; }

    /// <summary>guaranteeFund / Cover-2; +∞ when Cover-2 is 0. Below 1 the fund cannot absorb the two largest defaults.</summary>
    public required double CoverageRatio { get; init; }

    /// <summary>The top accounts by deficit, then stress loss, then id.</summary>
    public required IReadOnlyList<StressedAccount> Top { get; init; }

    /// <summary>True when the fund covers Cover-2 (coverage ratio ≥ 1).</summary>
    public bool Covered => CoverageRatio >= 1;
}

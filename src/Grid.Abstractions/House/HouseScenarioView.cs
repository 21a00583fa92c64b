namespace Grid.Abstractions.House;

/// <summary>The house under one scenario (Rulebook §5.3), unrounded USD.</summary>
[GenerateSerializer, Immutable, Alias("grid.HouseScenarioView")]
public sealed record HouseScenarioView
{
    [Id(0)] public string Scenario { get; init; } = "";
    [Id(1)] public double TotalPnl { get; init; }
    [Id(2)] public double TotalDeficit { get; init; }
    [Id(3)] public long AccountsInDeficit { get; init; }

    /// <summary>The largest deficit.</summary>
    [Id(4)] public double Cover1 { get; init; }

    /// <summary>The sum of the two largest deficits.</summary>
    [Id(5)] public double Cover2 { get; init; }

    /// <summary>guaranteeFund / Cover-2; +∞ when Cover-2 is 0.</summary>
    [Id(6)] public double CoverageRatio { get; init; }

    /// <summary>The top accounts by deficit, then stress loss, then id.</summary>
    [Id(7)] public IReadOnlyList<StressedAccountView> Top { get; init; } = [];

    /// <summary>True when the fund covers Cover-2.</summary>
    public bool Covered => CoverageRatio >= 1;
}

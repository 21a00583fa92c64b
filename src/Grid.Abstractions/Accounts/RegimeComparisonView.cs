namespace Grid.Abstractions.Accounts;

/// <summary>Siloed versus cross-margined requirement (Rulebook §4 items 5 and 27).</summary>
[GenerateSerializer, Immutable, Alias("grid.RegimeComparisonView")]
public sealed record RegimeComparisonView
{
    [Id(0)] public string AccountId { get; init; } = "";
    [Id(1)] public decimal SiloedTotal { get; init; }
    [Id(2)] public decimal CrossTotal { get; init; }
    [Id(3)] public decimal SavingUsd { get; init; }
    [Id(4)] public double SavingPct { get; init; }
    [Id(5)] public IReadOnlyList<SiloView> Silos { get; init; } = [];

    /// <summary>The market instant the comparison was computed on.</summary>
    [Id(6)] public DateTimeOffset AsOf { get; init; }

    /// <summary>The credits granted and the account without them (Rulebook §5.4); null when the account cannot be margined.</summary>
    [Id(7)] public CreditDependencyView? Dependency { get; init; }
}

namespace Grid.Abstractions.House;

/// <summary>
/// One house run over every account of the cluster: stress and Cover-2 per scenario (Rulebook §5.3)
/// and the cross-margin dependency (§5.4), with the rulebook version and market instants it used.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.HouseRiskView")]
public sealed record HouseRiskView
{
    [Id(0)] public HouseRunTrigger Trigger { get; init; }
    [Id(1)] public DateTimeOffset StartedAt { get; init; }
    [Id(2)] public DateTimeOffset CompletedAt { get; init; }
    [Id(3)] public string RulebookVersion { get; init; } = "";

    /// <summary>The earliest market instant a silo valued at.</summary>
    [Id(4)] public DateTimeOffset MarketAsOf { get; init; }

    /// <summary>The latest market instant a silo valued at.</summary>
    [Id(5)] public DateTimeOffset MarketAsOfLatest { get; init; }

    [Id(6)] public double GuaranteeFund { get; init; }
    [Id(7)] public long Accounts { get; init; }
    [Id(8)] public long Skipped { get; init; }

    /// <summary>Per scenario, in rulebook order.</summary>
    [Id(9)] public IReadOnlyList<HouseScenarioView> Scenarios { get; init; } = [];

    /// <summary>Index of the worst scenario (largest Cover-2, first in rulebook order on ties); −1 without scenarios.</summary>
    [Id(10)] public int WorstScenario { get; init; } = -1;

    [Id(11)] public HouseDependencyView Dependency { get; init; } = new();

    /// <summary>The silos' parts.</summary>
    [Id(12)] public IReadOnlyList<SiloRunView> Silos { get; init; } = [];

    /// <summary>Accounts held by more than one silo (a move whose claim had not arrived), each counted once.</summary>
    [Id(13)] public long Duplicates { get; init; }
}

using Grid.Risk.Accounts;

namespace Grid.Abstractions.Accounts;

/// <summary>One group's requirement in a buying-power report (order-inclusive, worse side).</summary>
[GenerateSerializer, Immutable, Alias("grid.GroupRiskLine")]
public sealed record GroupRiskLine
{
    [Id(0)] public string Group { get; init; } = "";
    [Id(1)] public decimal Scan { get; init; }
    [Id(2)] public int WorstScenario { get; init; }
    [Id(3)] public double WorstShock { get; init; }
    [Id(4)] public string WorstVolState { get; init; } = "";
    [Id(5)] public decimal Basis { get; init; }
    [Id(6)] public decimal ShortOptionMinimum { get; init; }
    [Id(7)] public decimal Concentration { get; init; }
    [Id(8)] public decimal Delta { get; init; }
    [Id(9)] public decimal GroupIm { get; init; }
    [Id(10)] public decimal Credit { get; init; }
    [Id(11)] public FillState Side { get; init; }
    [Id(12)] public decimal OpenLoss { get; init; }
    [Id(13)] public decimal FeeReserve { get; init; }

    /// <summary>Positions-only scenario PnL (unweighted), for heatmaps.</summary>
    [Id(14)] public IReadOnlyList<double> ScenarioPnl { get; init; } = [];

    /// <summary>Shock per scenario, same order as <see cref="ScenarioPnl"/>.</summary>
    [Id(15)] public IReadOnlyList<double> ScenarioShocks { get; init; } = [];

    /// <summary>Vol state per scenario ("up", "same", "down").</summary>
    [Id(16)] public IReadOnlyList<string> ScenarioVols { get; init; } = [];

    /// <summary>Spot and stock order cost counted for this group on the chosen side (Rulebook §4 item 26).</summary>
    [Id(17)] public decimal SpotOrderCost { get; init; }

    /// <summary>STD regime: the group's maintenance requirement; null under PM (MM derives from IM).</summary>
    [Id(18)] public decimal? GroupMm { get; init; }

    /// <summary>STD regime: the requirement lines; empty under PM.</summary>
    [Id(19)] public IReadOnlyList<StdRequirementLine> StdLines { get; init; } = [];

    /// <summary>Loss weight of the worst scenario (1 on the main grid, below 1 on extended rows).</summary>
    [Id(20)] public double WorstWeight { get; init; } = 1;
}

namespace Grid.Console.Views;

/// <summary>Everything the Simulator page shows of one portfolio: the breakdown, heatmaps, silos, stress and the order.</summary>
internal sealed record SimulatorView(
    SimulatorBasis Basis,
    string Regime,
    FiguresView Figures,
    IReadOnlyList<GroupView> Groups,
    IReadOnlyList<PositionRow> Positions,
    IReadOnlyList<BalanceRow> Balances,
    IReadOnlyList<CreditRow> Credits,
    ComparisonView Comparison,
    IReadOnlyList<StressRow> Stress,
    WithoutCreditsView WithoutCredits,
    SimulatedOrderView? Order);

namespace Grid.Console.Views;

/// <summary>
/// A group's positions-only scenario P&amp;L laid out for a heatmap. <see cref="Layout"/> is "grid"
/// (price shock columns × vol-state rows, e.g. crypto 9 × up/same/down), "points" (one row of price
/// shocks, FINRA) or "array" (published scenarios without a shock, SPAN). Scenarios that do not fit
/// the grid (the crypto extended moves) are listed in <see cref="Extended"/>. <see cref="Worst"/> is
/// the scenario that sets the scan requirement (weighted, order-inclusive side), -1 when none.
/// </summary>
internal sealed record HeatmapView(
    string Layout,
    IReadOnlyList<double> Shocks,
    IReadOnlyList<HeatmapRow> Rows,
    IReadOnlyList<HeatmapCell> Extended,
    int Worst,
    double MaxAbsPnl);

namespace Grid.Console.Views;

/// <summary>One vol state of a heatmap; cells align with the heatmap's shocks (null where no scenario).</summary>
internal sealed record HeatmapRow(string Vol, IReadOnlyList<HeatmapCell?> Cells);

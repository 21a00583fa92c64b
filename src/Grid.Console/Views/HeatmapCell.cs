namespace Grid.Console.Views;

/// <summary>One scenario: its index in the rulebook grid, price shock, vol state and P&amp;L in USD.</summary>
internal sealed record HeatmapCell(int Scenario, double Shock, string Vol, decimal Pnl, bool Worst);

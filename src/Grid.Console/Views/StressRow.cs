namespace Grid.Console.Views;

/// <summary>The portfolio under one stress scenario (Rulebook §5.2): AE, AE′, P&amp;L, deficit and the IMs it consumes.</summary>
internal sealed record StressRow(string Scenario, decimal Equity, decimal StressedEquity, decimal Pnl, decimal Deficit, double Coverage);

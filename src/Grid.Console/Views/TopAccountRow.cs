namespace Grid.Console.Views;

/// <summary>An account of a scenario's top list.</summary>
internal sealed record TopAccountRow(string Id, double Equity, double StressedEquity, double Pnl, double Deficit);

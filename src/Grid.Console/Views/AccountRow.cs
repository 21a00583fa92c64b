namespace Grid.Console.Views;

/// <summary>One account of the overview list. <see cref="MarginRatio"/> is MM/AE (null when AE ≤ 0 with MM &gt; 0).</summary>
internal sealed record AccountRow(
    string Id,
    string State,
    decimal Equity,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    double? MarginRatio,
    decimal Health,
    bool Frozen,
    string Regime,
    DateTimeOffset At);

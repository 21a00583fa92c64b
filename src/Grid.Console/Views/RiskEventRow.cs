namespace Grid.Console.Views;

/// <summary>A margin state change as the console shows it.</summary>
internal sealed record RiskEventRow(
    long Sequence,
    DateTimeOffset At,
    string AccountId,
    string PreviousState,
    string State,
    decimal Equity,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    decimal Shortfall,
    bool LiquidationCandidate,
    string Cause,
    int CanceledOrders);

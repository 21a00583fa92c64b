namespace Grid.Risk.Supervision;

/// <summary>One account under one scenario in the supervisory report (Rulebook §5.2, §5.6).</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="AeStressed">AE′.</param>
/// <param name="Pnl">Stress P&amp;L = AE′ − AE.</param>
/// <param name="Deficit">max(0, −AE′).</param>
public readonly record struct ScenarioLine(string Scenario, double AeStressed, double Pnl, double Deficit);

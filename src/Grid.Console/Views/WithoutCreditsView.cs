namespace Grid.Console.Views;

/// <summary>The portfolio without inter-group credits (Rulebook §5.4): IM, MM, state, and the margin that would be called.</summary>
internal sealed record WithoutCreditsView(decimal InitialMargin, decimal MaintenanceMargin, string State, bool LeavesOk, decimal CalledMargin);

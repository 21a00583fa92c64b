using Grid.Risk.Accounts;
using Grid.Risk.Margin;

namespace Grid.Risk.Monitoring;

/// <summary>An account whose state changed on a re-margin.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="From">State before.</param>
/// <param name="To">State now.</param>
/// <param name="Figures">Figures now.</param>
public readonly record struct RiskTransition(string AccountId, AccountState From, AccountState To, MarginFigures Figures);

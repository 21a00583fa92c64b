using Grid.Risk.Accounts;

namespace Grid.Risk.Supervision;

/// <summary>How many accounts go from one state to another (Rulebook §5.4 "without credits", §5.5 impact).</summary>
/// <param name="From">State now (current rulebook, credits granted).</param>
/// <param name="To">State then (candidate rulebook, or without credits).</param>
/// <param name="Count">Accounts.</param>
public readonly record struct StateTransition(AccountState From, AccountState To, long Count);

namespace Grid.Risk.Monitoring;

/// <summary>What a re-margin sweep did.</summary>
/// <param name="Evaluated">Accounts re-margined (those exposed to the moved groups).</param>
/// <param name="Skipped">Accounts whose instruments the model no longer prices (left as they were).</param>
/// <param name="Transitions">State changes, in no particular order.</param>
/// <param name="Elapsed">Wall time of the sweep.</param>
public sealed record SweepResult(int Evaluated, int Skipped, IReadOnlyList<RiskTransition> Transitions, TimeSpan Elapsed);

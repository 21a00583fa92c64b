namespace Grid.Risk.Rulebooks;

/// <summary>An inter-group credit pair (Rulebook §3.5), processed in <see cref="Priority"/> order.</summary>
/// <param name="GroupA">First leg.</param>
/// <param name="GroupB">Second leg.</param>
/// <param name="Rate">Credit rate c.</param>
/// <param name="Ratio">Delta ratio k of B per unit of A.</param>
/// <param name="Priority">Lower goes first.</param>
public sealed record CreditRule(string GroupA, string GroupB, double Rate, double Ratio, double Priority);

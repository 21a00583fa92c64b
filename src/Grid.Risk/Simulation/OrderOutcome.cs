using Grid.Risk.Decisions;

namespace Grid.Risk.Simulation;

/// <summary>A candidate order decided on the simulated portfolio.</summary>
/// <param name="Order">The order as asked.</param>
/// <param name="Result">The decision and its figures (the figures are zero when a gate refused before the margin test).</param>
/// <param name="Explanation">Why a gate refused it, naming the field and the limit; empty otherwise.</param>
/// <param name="Instrument">The instrument's index in the model, or −1 when it is unknown or unpriced.</param>
public sealed record OrderOutcome(CandidateOrder Order, PreTradeResult Result, string Explanation, int Instrument);

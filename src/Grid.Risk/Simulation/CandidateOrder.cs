using Grid.Risk.Accounts;

namespace Grid.Risk.Simulation;

/// <summary>
/// An order to decide on the simulated portfolio, as the request gave it: the instrument by id (it may be
/// unknown or unpriced, which is a reject decision, not an error), terms unchecked (bad terms are a
/// REJECT_REASON_INVALID_ORDER decision).
/// </summary>
/// <param name="Instrument">Instrument id.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Qty">Contracts (base units for spot and stock).</param>
/// <param name="Price">Limit price in quote units.</param>
/// <param name="ReduceOnly">The order may only reduce the position.</param>
/// <param name="Label">The caller's label, echoed.</param>
public sealed record CandidateOrder(string Instrument, Side Side, double Qty, double Price, bool ReduceOnly = false, string Label = "");

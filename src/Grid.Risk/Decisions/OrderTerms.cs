using Grid.Risk.Accounts;

namespace Grid.Risk.Decisions;

/// <summary>A new order (or an amendment re-checked as one) by instrument index: the input of <see cref="OrderGate.Check"/>.</summary>
/// <param name="Instrument">Index of the instrument in the book's model.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Qty">Contracts (base units for spot and stock).</param>
/// <param name="Price">Limit price in the instrument's quote units.</param>
/// <param name="ReduceOnly">The engine lets the order only reduce the position.</param>
public readonly record struct OrderTerms(int Instrument, Side Side, double Qty, double Price, bool ReduceOnly = false);

using Grid.Risk.Accounts;

namespace Grid.Risk.Ledger;

/// <summary>A trade to book, in the exact decimals the engine sent.</summary>
/// <param name="Side">The side of the order that traded.</param>
/// <param name="Qty">Contracts (base units for spot and stock), &gt; 0.</param>
/// <param name="Price">Execution price in the instrument's quote units, &gt; 0.</param>
/// <param name="Fee">Fee in the asset the fill settles in; negative for a rebate.</param>
public readonly record struct FillTerms(Side Side, decimal Qty, decimal Price, decimal Fee);

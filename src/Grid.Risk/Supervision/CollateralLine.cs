namespace Grid.Risk.Supervision;

/// <summary>One asset an account holds, as collateral (Rulebook §3.2, §5.6).</summary>
/// <param name="Asset">Asset code.</param>
/// <param name="Quantity">Balance (negative = borrow).</param>
/// <param name="Price">USD price.</param>
/// <param name="Haircut">Effective haircut 1 − value/(quantity·price): the tiers' blend; 0 for a borrow or full-value holding.</param>
/// <param name="Value">Collateral value after haircuts, in USD.</param>
public readonly record struct CollateralLine(string Asset, double Quantity, double Price, double Haircut, double Value);

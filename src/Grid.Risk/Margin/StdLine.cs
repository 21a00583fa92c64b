namespace Grid.Risk.Margin;

/// <summary>One line of an STD requirement (Rulebook §3.6): a position, a pair or a stock balance.</summary>
/// <param name="Holding">Instrument id, or the asset code of a balance.</param>
/// <param name="Qty">Contracts or units.</param>
/// <param name="Im">Initial requirement.</param>
/// <param name="Mm">Maintenance requirement.</param>
/// <param name="Rule">Which rule priced it (e.g. "Reg T", "covered call").</param>
/// <param name="PairedWith">The other leg of a recognised strategy, if any.</param>
public sealed record StdLine(string Holding, double Qty, double Im, double Mm, string Rule, string? PairedWith = null);

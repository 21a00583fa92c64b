namespace Grid.Risk.Rulebooks;

/// <summary>A Binance-style maintenance bracket: notional up to <see cref="UpperBound"/> pays
/// <c>N·MaintenanceRate − Cumulative</c>.</summary>
public readonly record struct MmrBracket(double UpperBound, double MaintenanceRate, double Cumulative);

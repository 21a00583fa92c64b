namespace Grid.Console.Views;

/// <summary>An account's headline margin figures in USD (Rulebook §3.1 outputs), rounded to cents.</summary>
internal sealed record FiguresView(
    string State,
    string StatePositionsOnly,
    decimal Equity,
    decimal CollateralValue,
    decimal DerivativeValue,
    decimal InitialMargin,
    decimal InitialMarginPositions,
    decimal MaintenanceMargin,
    decimal OrderCosts,
    decimal Available,
    decimal Excess,
    decimal Health,
    decimal CreditTotal,
    double? MarginRatio);

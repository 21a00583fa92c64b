using Grid.Abstractions.Accounts;
using Grid.Abstractions.Risk;

namespace Grid.Console.Views;

/// <summary>Maps the grain views to what the console shows; money rounded to cents (display only).</summary>
internal static class AccountViews
{
    public static AccountView Account(BuyingPower figures, PortfolioView portfolio, RegimeComparisonView? comparison) => new(
        figures.AccountId,
        figures.AsOf,
        Math.Max(figures.Version, portfolio.Version),
        figures.Regime.ToString().ToUpperInvariant(),
        figures.Frozen,
        figures.RulebookVersion,
        Figures(figures),
        [.. figures.Groups.OrderBy(g => g.Group, StringComparer.Ordinal).Select(Group)],
        [.. portfolio.Positions.Select(p => new PositionRow(p.InstrumentId, p.Qty, p.Entry, Cents(p.Funding), Cents(p.Value)))],
        [.. portfolio.Orders.Select(o => new OrderRow(o.ClientOrderId, o.InstrumentId, DisplayNames.Side(o.Side), o.RemainingQty, o.Price, o.ReservedAt, o.ReduceOnly))],
        [.. figures.Collateral.Select(c => new BalanceRow(c.Asset, c.Balance, Cents(c.Value)))],
        comparison is null ? null : Comparison(comparison),
        figures.ComputedAt);

    public static FiguresView Figures(BuyingPower b) => new(
        DisplayNames.State(b.State),
        DisplayNames.State(b.StatePositionsOnly),
        Cents(b.Equity),
        Cents(b.CollateralValue),
        Cents(b.DerivativeValue),
        Cents(b.InitialMargin),
        Cents(b.InitialMarginPositions),
        Cents(b.MaintenanceMargin),
        Cents(b.OrderCosts),
        Cents(b.Available),
        Cents(b.Excess),
        Cents(b.Health),
        Cents(b.CreditTotal),
        Ratio(b.MaintenanceMargin, b.Equity));

    public static GroupView Group(GroupRiskLine g) => new(
        g.Group,
        Cents(g.Scan),
        Cents(g.Basis),
        Cents(g.ShortOptionMinimum),
        Cents(g.Concentration),
        Cents(g.Delta),
        Cents(g.GroupIm),
        Cents(g.Credit),
        DisplayNames.Code(g.Side.ToString()),
        Cents(g.OpenLoss),
        Cents(g.FeeReserve),
        g.WorstScenario,
        g.WorstShock,
        g.WorstVolState,
        HeatmapLayout.Of(g));

    public static ComparisonView Comparison(RegimeComparisonView c) => new(
        Cents(c.SiloedTotal),
        Cents(c.CrossTotal),
        Cents(c.SavingUsd),
        double.IsFinite(c.SavingPct) ? Math.Round(c.SavingPct, 2) : 0,
        [.. c.Silos.Select(s => new SiloBar(s.Name, s.Regime, Cents(s.Requirement)))]);

    public static AccountRow Row(AccountSummary s) => new(
        s.AccountId,
        DisplayNames.State(s.State),
        Cents(s.Equity),
        Cents(s.InitialMargin),
        Cents(s.MaintenanceMargin),
        Ratio(s.MaintenanceMargin, s.Equity),
        Cents(s.Health),
        s.Frozen,
        s.Regime.ToString().ToUpperInvariant(),
        s.At);

    public static RiskEventRow Event(RiskEventData e) => new(
        e.Sequence,
        e.At,
        e.AccountId,
        DisplayNames.State(e.PreviousState),
        DisplayNames.State(e.State),
        Cents(e.Equity),
        Cents(e.InitialMargin),
        Cents(e.MaintenanceMargin),
        Cents(e.Shortfall),
        e.LiquidationCandidate,
        e.Cause,
        e.CanceledOrderIds.Count);

    /// <summary>MM/AE; null when AE ≤ 0 with MM &gt; 0 (infinite), 0 when nothing is required.</summary>
    public static double? Ratio(decimal maintenance, decimal equity)
        => equity > 0 ? Math.Round((double)(maintenance / equity), 6) : maintenance > 0 ? null : 0;

    public static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

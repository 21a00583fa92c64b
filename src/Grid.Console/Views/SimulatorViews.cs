using Grid.Abstractions.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Margin;
using Grid.Risk.Scenarios;
using Grid.Risk.Simulation;

namespace Grid.Console.Views;

/// <summary>A simulation's result as the Simulator page shows it; money rounded as on the wire (requirements up, equity down).</summary>
internal static class SimulatorViews
{
    public static SimulatorView Of(SimulationResult result)
    {
        var r = result.Report;
        var basis = result.Basis;
        var model = basis.Model;
        var regimes = result.Regimes;
        var dependency = result.Dependency;
        return new SimulatorView(
            new SimulatorBasis(Source(basis.LiveRulebook), Source(basis.LiveInstruments), Source(basis.LiveMarket), model.Rulebook.Version, basis.AsOf),
            r.Regime.ToString().ToUpperInvariant(),
            Figures(r),
            [.. r.Groups.Values.OrderBy(g => g.Group, StringComparer.Ordinal).Select(g => AccountViews.Group(Line(g, r, result)))],
            [.. result.Book.ToPortfolio().Positions.Select(p => new PositionRow(p.Instrument, (decimal)p.Qty, (decimal)p.Entry, Cents(p.Funding), Cents(result.Book.ValueOf(p.Instrument))))],
            [.. r.Collateral.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new BalanceRow(c.Key, (decimal)result.Book.Balance(c.Key), Money.Equity(c.Value)))],
            [.. r.Credits.Select(c => new CreditRow($"{c.GroupA}/{c.GroupB}", Money.Equity(c.Credit)))],
            regimes is null ? new ComparisonView(0, 0, 0, 0, [])
                : new ComparisonView(Money.Requirement(regimes.SiloedTotal), Money.Requirement(regimes.CrossTotal), Money.Equity(regimes.SavingUsd), Math.Round(regimes.SavingPct, 2),
                    [.. regimes.Silos.Select(s => new SiloBar(s.Silo, s.Regime, Money.Requirement(s.Requirement)))]),
            [.. result.Stress.Select((o, s) => new StressRow(result.StressMarket!.Scenarios[s].Name, Money.Equity(o.Ae), Money.Equity(o.AeStressed), Money.Equity(o.Pnl), Money.Requirement(o.Deficit), Math.Round(o.Coverage, 4)))],
            dependency is null ? new WithoutCreditsView(0, 0, "ok", false, 0)
                : new WithoutCreditsView(Money.Requirement(dependency.ImWithoutCredits), Money.Requirement(dependency.MmWithoutCredits), DisplayNames.State(dependency.StateWithoutCredits), dependency.LeavesOk, Money.Requirement(dependency.CalledIm)),
            result.Order is { } order ? Order(order, result.MaxOrderUnits ?? 0) : null);
    }

    private static FiguresView Figures(MarginReport r) => new(
        DisplayNames.State(r.State),
        DisplayNames.State(r.StatePositionsOnly),
        Money.Equity(r.Ae),
        Money.Equity(r.Cv),
        Money.Equity(r.Dv),
        Money.Requirement(r.Im),
        Money.Requirement(r.ImPositions),
        Money.Requirement(r.Mm),
        Money.Requirement(r.OrderCosts),
        Money.Equity(r.Available),
        Money.Equity(r.Excess),
        Money.Equity(r.Health),
        Money.Equity(r.CreditTotal),
        AccountViews.Ratio(Money.Requirement(r.Mm), Money.Equity(r.Ae)));

    // The account page's group line, so the Simulator shares its table and heatmap layout.
    private static GroupRiskLine Line(GroupReport g, MarginReport r, SimulationResult result)
    {
        result.Basis.Model.TryGetGroup(g.Group, out var index);
        var grid = result.Basis.Model.Groups[index].Grid;
        var f = g.Figures;
        var worst = f.WorstScenario;
        return new GroupRiskLine
        {
            Group = g.Group,
            Scan = Money.Requirement(f.Scan),
            WorstScenario = worst,
            WorstShock = worst < grid.Count ? grid.Shocks[worst] : 0,
            WorstVolState = worst < grid.Count ? Vol(grid.Vols[worst]) : "",
            WorstWeight = worst < grid.Count ? grid.Weights[worst] : 1,
            Basis = Money.Requirement(f.Basis),
            ShortOptionMinimum = Money.Requirement(f.Som),
            Concentration = Money.Requirement(f.Concentration),
            Delta = Cents(f.Delta),
            GroupIm = Money.Requirement(f.GroupIm),
            Credit = Money.Equity(g.Credit),
            Side = g.Side,
            OpenLoss = Money.Requirement(g.OpenLoss),
            FeeReserve = Money.Requirement(g.FeeReserve),
            ScenarioPnl = r.GroupsPositions.TryGetValue(g.Group, out var p) ? p.ScenarioPnl : [],
            ScenarioShocks = grid.Shocks,
            ScenarioVols = [.. grid.Vols.Select(Vol)],
        };
    }

    private static SimulatedOrderView Order(OrderOutcome o, long maxUnits)
    {
        var r = o.Result;
        var figures = r.Decision != Decision.Reject || r.Reason.IsMarginTest();
        var reason = DisplayNames.Reason(r.Reason);
        return new SimulatedOrderView(
            o.Order.Instrument, DisplayNames.Side(o.Order.Side), (decimal)o.Order.Qty, (decimal)o.Order.Price,
            DisplayNames.Decision(r.Decision), reason, reason == "none" ? "" : DisplayNames.Label(reason), o.Explanation,
            figures ? Money.Requirement(r.Shortfall) : 0, figures ? Money.Requirement(r.ImBefore) : 0, figures ? Money.Requirement(r.Im) : 0,
            figures ? Money.Equity(Math.Max(0, r.Ae - r.Im)) : 0, figures && double.IsFinite(r.Mm) ? Money.Requirement(r.Mm) : 0,
            maxUnits / MaxOrderSize.UnitsPerContract);
    }

    private static decimal Cents(double value) => double.IsFinite(value) && Math.Abs(value) < 1e27 ? Math.Round((decimal)value, 2) : 0;

    private static string Source(bool live) => live ? "live" : "given";

    private static string Vol(VolState v) => v switch
    {
        VolState.Up => "up",
        VolState.Down => "down",
        _ => "same",
    };
}

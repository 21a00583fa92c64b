using Grid.Api.V1;
using Grid.Risk.Decisions;
using Grid.Risk.Margin;
using Grid.Risk.Regimes;
using Grid.Risk.Stress;
using static Grid.Host.Tests.Infrastructure.Wire;
using Core = Grid.Risk;

namespace Grid.Host.Tests.Margin;

/// <summary>
/// A SimulateResponse read back into the risk core's result types, so that the conformance comparison of
/// Grid.Risk.Tests (<c>Expect</c>, linked) judges the figures a client received, as rounded on the wire.
/// </summary>
internal static class WireFigures
{
    public static MarginReport Report(SimulateResponse r)
    {
        var bp = r.BuyingPower;
        var regime = bp.Regime == MarginRegime.Std ? Core.Rulebooks.MarginRegime.Std : Core.Rulebooks.MarginRegime.Pm;
        var pnl = r.ScenarioPnl.ToDictionary(g => g.Group, g => g.Scenarios.Select(s => (double)Num(s.Pnl)).ToArray(), StringComparer.Ordinal);
        return new MarginReport
        {
            Regime = regime,
            Ae = D(bp.Equity),
            Cv = D(bp.CollateralValue),
            Dv = D(bp.DerivativeValue),
            RawCollateral = D(r.RawCollateral),
            Im = D(bp.InitialMargin),
            Mm = D(bp.MaintenanceMargin),
            ImPositions = D(bp.InitialMarginPositions),
            OrderCosts = D(bp.OrderCosts),
            SpotOrderCosts = D(r.SpotOrderCosts),
            AeAfterOrderCosts = D(r.EquityAfterOrderCosts),
            Available = D(bp.Available),
            Excess = D(bp.Excess),
            Health = D(bp.Health),
            State = State(bp.State),
            StatePositionsOnly = State(bp.StatePositionsOnly),
            LiquidationEnd = D(bp.LiquidationEnd),
            CreditTotal = D(bp.CreditTotal),
            Collateral = bp.Collateral.ToDictionary(c => c.Asset, c => D(c.Value), StringComparer.Ordinal),
            Groups = bp.Groups.ToDictionary(g => g.Group, g => Group(g, []), StringComparer.Ordinal),
            GroupsPositions = r.GroupsPositions.ToDictionary(g => g.Group, g => Group(g, pnl.TryGetValue(g.Group, out var v) ? v : []), StringComparer.Ordinal),
        };
    }

    public static PreTradeResult Decision(SimulateResponse r)
    {
        var d = r.OrderDecision;
        var f = r.OrderFigures;
        return new PreTradeResult
        {
            Decision = (Core.Decisions.Decision)(int)d.Decision,
            Reason = (Core.Decisions.RejectReason)(int)d.RejectReason,
            Shortfall = D(d.Shortfall),
            Im = D(d.InitialMarginAfter),
            Ae = D(d.Equity),
            Mm = D(d.MaintenanceAfter),
            Excess = D(f.Excess),
            ImBefore = D(d.InitialMarginBefore),
            MmBefore = D(f.MaintenanceBefore),
            OrderOpenLoss = D(f.OrderOpenLoss),
            OrderFee = D(f.OrderFee),
            OrderCost = D(f.OrderCost),
            OrderCosts = D(f.OrderCosts),
            CreditTotal = D(f.CreditTotal),
            StateBefore = State(d.AccountState),
        };
    }

    public static Core.Regimes.RegimeComparison Regimes(Api.V1.RegimeComparison c) => new()
    {
        SiloedTotal = D(c.SiloedTotal),
        CrossTotal = D(c.CrossTotal),
        Silos = [.. c.Silos.Select(s => new SiloLine(s.Name, s.Regime switch { MarginRegime.Pm => "PM", MarginRegime.Std => "STD", _ => "none" }, D(s.Requirement)))],
    };

    public static StressOutcome[] Stress(SimulateResponse r)
        => [.. r.Stress.Select(s => new StressOutcome(D(s.Equity), D(s.StressedEquity), 0))];

    private static GroupReport Group(GroupRisk g, double[] pnl) => new()
    {
        Group = g.Group,
        Figures = new GroupFigures
        {
            Scan = D(g.Scan),
            WorstScenario = (int)(g.WorstScenario?.Index ?? 0),
            Basis = D(g.Basis),
            SomStrike = D(g.ShortOptionMinimum),
            Concentration = D(g.Concentration),
            Delta = D(g.Delta),
            GroupIm = D(g.GroupIm),
            Maintenance = D(g.GroupMm),
        },
        Credit = D(g.Credit),
        Side = g.Side switch { FillState.Bids => Core.Accounts.FillState.Bids, FillState.Asks => Core.Accounts.FillState.Asks, _ => Core.Accounts.FillState.None },
        ScenarioPnl = pnl,
    };

    private static Core.Accounts.AccountState State(AccountState s) => (Core.Accounts.AccountState)(int)s;

    private static double D(Api.V1.Decimal? value) => (double)Num(value);
}

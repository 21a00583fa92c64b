namespace Grid.Risk.Simulation;

/// <summary>
/// Refuses a simulation whose figures are not finite numbers. A given rulebook or market can carry values
/// every field check passes but whose combination overflows (a vol shock of 1e300, a coin-margined mark of
/// 1e-300): the figures would be infinite or NaN, which no answer can carry. The field names the part given.
/// </summary>
internal static class FiniteFigures
{
    public static void Require(SimulationResult result, SimulationInputs inputs)
    {
        if (Finite(result))
        {
            return;
        }

        var basis = result.Basis;
        var field = !basis.LiveMarket ? inputs.MarketPath : !basis.LiveRulebook ? inputs.RulebookPath : !basis.LiveInstruments ? inputs.InstrumentsPath : inputs.Paths.Root;
        throw SimulationException.Invalid(field, "the portfolio's figures are not finite numbers: a value given is out of any realistic range");
    }

    private static bool Finite(SimulationResult result)
    {
        var r = result.Report;
        var ok = All(r.Ae, r.Cv, r.Dv, r.RawCollateral, r.Im, r.Mm, r.ImPositions, r.OrderCosts, r.SpotOrderCosts, r.LiquidationEnd, r.CreditTotal);
        foreach (var g in r.Groups.Values.Concat(r.GroupsPositions.Values))
        {
            var f = g.Figures;
            ok &= All(f.Scan, f.Basis, f.Som, f.Concentration, f.Delta, f.GroupIm, f.Maintenance, g.Credit, g.OpenLoss, g.FeeReserve, g.SpotOrderCosts);
            ok &= Array.TrueForAll(g.ScenarioPnl, double.IsFinite) && g.Lines.All(l => All(l.Qty, l.Im, l.Mm));
        }

        ok &= r.Collateral.Values.All(double.IsFinite) && r.Credits.All(c => All(c.Credit, c.Spreads));
        if (result.Order is { } o && o.Instrument >= 0)
        {
            var d = o.Result;
            // MM after the fill is reported as zero when the margin test could not compute it (as the account processor does).
            ok &= All(d.Shortfall, d.Im, d.Ae, d.ImBefore, d.MmBefore, d.OrderOpenLoss, d.OrderFee, d.OrderCost, d.OrderCosts, d.CreditTotal);
        }

        ok &= result.Stress.All(s => All(s.Ae, s.AeStressed, s.Coverage));
        if (result.Regimes is { } regimes)
        {
            ok &= All(regimes.SiloedTotal, regimes.CrossTotal) && regimes.Silos.All(s => double.IsFinite(s.Requirement));
        }

        if (result.Dependency is { } dependency)
        {
            ok &= All(dependency.ImWithoutCredits, dependency.MmWithoutCredits, dependency.CreditTotalPositions, dependency.CalledIm);
        }

        return ok;
    }

    private static bool All(params ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Text.Json;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Margin;
using Grid.Risk.Regimes;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;

namespace Grid.Risk.Tests;

/// <summary>
/// Compares engine figures with a case's expected ones (spec/cases/README.md, "What to compare"): the
/// evaluation, the candidate order's decision, siloed versus cross, and the stress figures. Shared by the
/// in-process conformance tests and the over-the-wire ones of Grid.Host.Tests (linked there), so the two
/// compare the same figures the same way.
/// </summary>
public static class Expect
{
    public static string StateName(AccountState s) => s switch
    {
        AccountState.Ok => "OK",
        AccountState.ReduceOnly => "REDUCE_ONLY",
        AccountState.Liquidate => "LIQUIDATE",
        _ => "BANKRUPT",
    };

    public static void Report(FigureComparer c, MarginReport r, JsonElement e)
    {
        c.Money("AE", r.Ae, e, "AE");
        c.Money("CV", r.Cv, e, "CV");
        c.Money("DV", r.Dv, e, "DV");
        c.Money("IM", r.Im, e, "IM");
        c.Money("MM", r.Mm, e, "MM");
        c.Money("IMPositions", r.ImPositions, e, "IMPositions");
        c.Money("orderCosts", r.OrderCosts, e, "orderCosts");
        c.Money("spotOrderCosts", r.SpotOrderCosts, e, "spotOrderCosts");
        c.Money("AEAfterOrderCosts", r.AeAfterOrderCosts, e, "AEAfterOrderCosts");
        c.Money("available", r.Available, e, "available");
        c.Money("excess", r.Excess, e, "excess");
        c.Money("health", r.Health, e, "health");
        c.Money("liquidationEnd", r.LiquidationEnd, e, "liquidationEnd");
        c.Money("creditTotal", r.CreditTotal, e, "creditTotal");
        c.Equal("state", StateName(r.State), e.GetProperty("state").GetString());
        c.Equal("statePositionsOnly", StateName(r.StatePositionsOnly), e.GetProperty("statePositionsOnly").GetString());
        foreach (var p in e.GetProperty("collateral").EnumerateObject())
        {
            c.Money($"collateral.{p.Name}", r.Collateral.TryGetValue(p.Name, out var v) ? v : 0, p.Value.GetDouble());
        }

        Groups(c, "groups", r.Regime, r.Groups, e.GetProperty("groups"));
        Groups(c, "groupsPositions", r.Regime, r.GroupsPositions, e.GetProperty("groupsPositions"));
        if (e.TryGetProperty("positionsScenarioPnl", out var pnl))
        {
            foreach (var g in pnl.EnumerateObject())
            {
                var actual = r.GroupsPositions.TryGetValue(g.Name, out var gr) ? gr.ScenarioPnl : [];
                var j = 0;
                foreach (var v in g.Value.EnumerateArray())
                {
                    c.Money($"pnl.{g.Name}[{j}]", j < actual.Length ? actual[j] : double.NaN, v.GetDouble(), 0.01 + 1e-6 * Math.Abs(v.GetDouble()));
                    j++;
                }
            }
        }
    }

    /// <summary>The candidate order's decision and figures against <c>expected.pretrade</c>.</summary>
    public static void PreTrade(FigureComparer c, PreTradeResult r, JsonElement e)
    {
        c.Equal("decision", DecisionName(r.Decision), e.GetProperty("decision").GetString());
        c.Money("shortfall", r.Shortfall, e, "shortfall");
        c.Money("IM", r.Im, e, "IM");
        c.Money("AE", r.Ae, e, "AE");
        c.Money("MM", r.Mm, e, "MM");
        c.Money("excess", r.Excess, e, "excess");
        c.Money("IMBefore", r.ImBefore, e, "IMBefore");
        c.Money("MMBefore", r.MmBefore, e, "MMBefore");
        c.Money("orderOpenLoss", r.OrderOpenLoss, e, "orderOpenLoss");
        c.Money("orderFee", r.OrderFee, e, "orderFee");
        c.Money("orderCost", r.OrderCost, e, "orderCost");
        c.Money("orderCosts", r.OrderCosts, e, "orderCosts");
        c.Money("creditTotal", r.CreditTotal, e, "creditTotal");
    }

    /// <summary>
    /// A max order size against <c>expected.maxOrderSize</c> where <c>uniqueOnProbe</c> holds: within the case's
    /// qTolerance (at least 1e-6), and never more than one micro-unit under the reference. False when the case has no unique size.
    /// </summary>
    public static bool MaxOrderSize(FigureComparer c, double max, JsonElement e)
    {
        if (!e.GetProperty("uniqueOnProbe").GetBoolean())
        {
            return false;
        }

        var expected = e.GetProperty("maxQty").GetDouble();
        var tolerance = Math.Max(1e-6, e.GetProperty("qTolerance").GetDouble());
        if (!(Math.Abs(max - expected) <= tolerance))
        {
            c.Fail($"max size: expected {expected:R}, got {max:R}");
        }

        // Tighter than the case's tolerance below the boundary: the largest passing multiple of 1e-6 is
        // never more than one micro-unit under the reference (above it, the reference's own qTolerance).
        if (!(expected - max < 1e-6 + 1e-9))
        {
            c.Fail($"max size {max:R} is more than 1e-6 under {expected:R}");
        }

        return true;
    }

    /// <summary>
    /// Siloed versus cross against <c>expected.siloed</c>: totals, saving, and every silo by name with its regime.
    /// A caller holding the saving as reported (over the wire, from unrounded totals) passes it instead of the
    /// one recomputed from <paramref name="result"/>'s totals.
    /// </summary>
    public static void Regimes(FigureComparer c, RegimeComparison result, JsonElement e, double? savingUsd = null, double? savingPct = null)
    {
        c.Money("siloedTotal", result.SiloedTotal, e, "siloedTotal");
        c.Money("crossTotal", result.CrossTotal, e, "crossTotal");
        c.Money("savingUSD", savingUsd ?? result.SavingUsd, e, "savingUSD");
        c.Money("savingPct", savingPct ?? result.SavingPct, e, "savingPct", 1e-4);
        foreach (var s in e.GetProperty("silos").EnumerateArray())
        {
            var name = s.GetProperty("silo").GetString()!;
            var actual = result.Silos.FirstOrDefault(x => x.Silo == name);
            if (actual is null)
            {
                c.Fail($"silo '{name}' missing; have {string.Join(" | ", result.Silos.Select(x => x.Silo))}");
                continue;
            }

            c.Money($"silo '{name}'", actual.Requirement, s.GetProperty("requirement").GetDouble());
            c.Equal($"silo '{name}'.regime", actual.Regime, s.GetProperty("regime").GetString());
        }

        c.Equal("silo count", result.Silos.Count, e.GetProperty("silos").GetArrayLength());
    }

    /// <summary>Stress outcomes, one per named scenario in order, against a dev-stress line's <c>expected</c> array.</summary>
    public static void Stress(FigureComparer c, IReadOnlyList<string> names, IReadOnlyList<StressOutcome> outcomes, JsonElement expected)
    {
        var lines = expected.EnumerateArray().ToList();
        c.Equal("scenario count", outcomes.Count, lines.Count);
        for (var s = 0; s < Math.Min(outcomes.Count, lines.Count); s++)
        {
            var e = lines[s];
            var name = e.GetProperty("scenario").GetString()!;
            c.Equal($"[{s}] name", names[s], name);
            c.Money($"{name} AE", outcomes[s].Ae, e, "AE");
            c.Money($"{name} AE'", outcomes[s].AeStressed, e, "AEStressed");
            c.Money($"{name} pnl", outcomes[s].Pnl, e, "pnl");
            c.Money($"{name} deficit", outcomes[s].Deficit, e, "deficit");
        }
    }

    /// <summary>A decision as the cases spell it.</summary>
    public static string DecisionName(Decision d) => d switch
    {
        Decision.Accept => "ACCEPT",
        Decision.AcceptRiskReducing => "ACCEPT_RISK_REDUCING",
        _ => "REJECT",
    };

    private static void Groups(FigureComparer c, string what, MarginRegime regime, IReadOnlyDictionary<string, GroupReport> actual, JsonElement expected)
    {
        foreach (var g in expected.EnumerateObject())
        {
            var p = $"{what}.{g.Name}";
            if (!actual.TryGetValue(g.Name, out var a))
            {
                c.Fail($"{p}: missing");
                continue;
            }

            var e = g.Value;
            var f = a.Figures;
            if (regime == MarginRegime.Std && e.TryGetProperty("im", out _))
            {
                c.Money($"{p}.im", f.GroupIm, e, "im");
                c.Money($"{p}.mm", f.Maintenance, e, "mm");
            }
            else
            {
                c.Money($"{p}.scan", f.Scan, e, "scan");
                c.Money($"{p}.basis", f.Basis, e, "basis");
                c.Money($"{p}.som", f.Som, e, "som");
                c.Money($"{p}.concentration", f.Concentration, e, "concentration");
                c.Money($"{p}.delta", f.Delta, e, "delta");
                c.Money($"{p}.groupIM", f.GroupIm, e, "groupIM");
                c.Money($"{p}.credit", a.Credit, e, "credit");
                if (e.TryGetProperty("worstTies", out var ties) && !ties.EnumerateArray().Any(t => t.GetInt32() == f.WorstScenario))
                {
                    c.Fail($"{p}.worstScenario: {f.WorstScenario} not in {ties}");
                }
            }

            if (e.TryGetProperty("side", out var side) && !(e.TryGetProperty("sideTie", out var tie) && tie.GetBoolean()))
            {
                c.Equal($"{p}.side", a.Side.ToString().ToLowerInvariant(), side.GetString());
            }
        }

        foreach (var name in actual.Keys)
        {
            if (!expected.TryGetProperty(name, out _))
            {
                c.Fail($"{what}.{name}: reported but not expected");
            }
        }
    }
}

using System.Text.Json;
using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests;

/// <summary>Compares a <see cref="MarginReport"/> with a case's <c>expected.eval</c>.</summary>
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

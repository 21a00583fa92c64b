using Grid.Abstractions.Accounts;

namespace Grid.Console.Views;

/// <summary>
/// Lays a group's scenario vector out as a heatmap without knowing the rulebook: shocks that recur
/// under several vol states become the columns (crypto), a grid whose shocks all occur once is one
/// row of points (FINRA), a grid without shocks is an array of scenarios (SPAN). A scenario whose
/// (shock, vol) cell is already taken, or whose shock occurs once while others recur, is extended.
/// </summary>
internal static class HeatmapLayout
{
    private static readonly string[] VolOrder = ["up", "same", "down"];

    public static HeatmapView Of(GroupRiskLine line)
    {
        var pnl = line.ScenarioPnl;
        var shocks = line.ScenarioShocks;
        var vols = line.ScenarioVols;
        var count = pnl.Count;
        if (count == 0 || shocks.Count != count || vols.Count != count)
        {
            return new HeatmapView("none", [], [], [], -1, 0);
        }

        var worst = line.WorstScenario is var w && w >= 0 && w < count ? w : -1;
        var maxAbs = pnl.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        HeatmapCell Cell(int i) => new(i, shocks[i], vols[i], Money(pnl[i]), i == worst);

        if (shocks.All(s => s == shocks[0]))
        {
            return new HeatmapView("array", [], [new HeatmapRow("", [.. Enumerable.Range(0, count).Select(Cell)])], [], worst, maxAbs);
        }

        var multiplicity = shocks.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var recurring = multiplicity.Values.Max() > 1;
        var columns = multiplicity.Keys.Where(s => !recurring || multiplicity[s] > 1).Order().ToArray();
        var columnOf = columns.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var rowNames = VolOrder.Where(vols.Contains).Concat(vols.Distinct().Where(v => !VolOrder.Contains(v))).ToList();
        var cells = rowNames.ToDictionary(v => v, _ => new HeatmapCell?[columns.Length]);
        var extended = new List<HeatmapCell>();
        for (var i = 0; i < count; i++)
        {
            if (columnOf.TryGetValue(shocks[i], out var c) && cells[vols[i]][c] is null)
            {
                cells[vols[i]][c] = Cell(i);
            }
            else
            {
                extended.Add(Cell(i));
            }
        }

        var rows = rowNames.Where(v => cells[v].Any(x => x is not null)).Select(v => new HeatmapRow(v, cells[v])).ToList();
        return new HeatmapView(recurring ? "grid" : "points", columns, rows, [.. extended.OrderBy(e => e.Shock)], worst, maxAbs);
    }

    private static decimal Money(double value) => double.IsFinite(value) && Math.Abs(value) < 1e27 ? Math.Round((decimal)value, 2) : 0;
}

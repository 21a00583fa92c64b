using Grid.Abstractions.Accounts;
using Grid.Console.Views;

namespace Grid.Console.Tests.Unit;

public sealed class HeatmapLayoutTests
{
    private static readonly string[] Vols = ["up", "same", "down"];

    [Fact]
    public void CryptoGrid_ShocksAcross_VolStatesDown_ExtendedMovesApart()
    {
        var line = Crypto(worst: 1, extended: [(-0.66, -900), (0.5, 300)]);

        var map = HeatmapLayout.Of(line);

        Assert.Equal("grid", map.Layout);
        Assert.Equal([-0.16, -0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12, 0.16], map.Shocks);
        Assert.Equal(Vols, map.Rows.Select(r => r.Vol));
        for (var row = 0; row < 3; row++)
        {
            for (var col = 0; col < 9; col++)
            {
                var cell = map.Rows[row].Cells[col]!;
                Assert.Equal(col * 3 + row, cell.Scenario);
                Assert.Equal((map.Shocks[col], Vols[row]), (cell.Shock, cell.Vol));
                Assert.Equal((decimal)line.ScenarioPnl[cell.Scenario], cell.Pnl);
            }
        }

        Assert.Equal([(-0.66, -900m), (0.5, 300m)], map.Extended.Select(e => (e.Shock, e.Pnl)));
        Assert.Equal(1, map.Worst);
        Assert.Equal(1, Assert.Single(map.Rows.SelectMany(r => r.Cells).Concat(map.Extended), c => c!.Worst)!.Scenario);
        Assert.Equal(900, map.MaxAbsPnl);
    }

    [Fact]
    public void WorstScenarioInAnExtendedMove_IsMarkedThere()
    {
        var map = HeatmapLayout.Of(Crypto(worst: 27, extended: [(-0.66, -900), (0.5, 300)]));

        Assert.DoesNotContain(map.Rows.SelectMany(r => r.Cells), c => c!.Worst);
        Assert.True(map.Extended.Single(e => e.Scenario == 27).Worst);
    }

    [Fact]
    public void ExtendedMoveOnARegularShock_StaysExtended()
    {
        var map = HeatmapLayout.Of(Crypto(worst: 0, extended: [(0.16, -50)]));

        Assert.Equal(9, map.Shocks.Count);
        Assert.Equal(27, map.Rows.Sum(r => r.Cells.Count(c => c is not null)));
        Assert.Equal(27, Assert.Single(map.Extended).Scenario);
    }

    [Fact]
    public void FinraPoints_OneRowOfPriceMoves()
    {
        double[] shocks = [-0.08, -0.064, -0.048, -0.032, -0.016, 0.012, 0.024, 0.036, 0.048, 0.06];
        var line = Line(shocks, [.. shocks.Select(_ => "same")], [.. shocks.Select(s => s * 10_000)], worst: 0);

        var map = HeatmapLayout.Of(line);

        Assert.Equal("points", map.Layout);
        Assert.Equal(shocks.Order(), map.Shocks);
        var row = Assert.Single(map.Rows);
        Assert.Equal("same", row.Vol);
        Assert.All(row.Cells, c => Assert.NotNull(c));
        Assert.Empty(map.Extended);
        Assert.True(row.Cells[0]!.Worst);
    }

    [Fact]
    public void PublishedArrays_WithoutShocks_AreAnArrayOfScenarios()
    {
        var line = Line(new double[16], [.. Enumerable.Repeat("same", 16)], [.. Enumerable.Range(0, 16).Select(i => i * 10.0 - 80)], worst: 0);

        var map = HeatmapLayout.Of(line);

        Assert.Equal("array", map.Layout);
        Assert.Equal(Enumerable.Range(0, 16), Assert.Single(map.Rows).Cells.Select(c => c!.Scenario));
    }

    [Fact]
    public void GroupWithoutPositions_HasNoHeatmap()
    {
        var map = HeatmapLayout.Of(new GroupRiskLine { Group = "BTC", ScenarioShocks = [0.1], ScenarioVols = ["up"], ScenarioPnl = [] });

        Assert.Equal("none", map.Layout);
        Assert.Equal(-1, map.Worst);
    }

    [Fact]
    public void NonFinitePnl_IsShownAsZero_AndLeftOutOfTheScale()
    {
        var map = HeatmapLayout.Of(Line([-0.1, 0.1], ["same", "same"], [double.NaN, 40], worst: 5));

        Assert.Equal(0, map.Rows[0].Cells[0]!.Pnl);
        Assert.Equal(40, map.MaxAbsPnl);
        Assert.Equal(-1, map.Worst);
    }

    private static GroupRiskLine Crypto(int worst, (double Shock, double Pnl)[] extended)
    {
        var shocks = new List<double>();
        var vols = new List<string>();
        var pnl = new List<double>();
        for (var i = -4; i <= 4; i++)
        {
            foreach (var v in Vols)
            {
                shocks.Add(0.16 * i / 4);
                vols.Add(v);
                pnl.Add(Math.Round(100 * i + (v == "up" ? -7.25 : v == "down" ? 3.5 : 0), 2));
            }
        }

        foreach (var (s, p) in extended)
        {
            shocks.Add(s);
            vols.Add("up");
            pnl.Add(p);
        }

        return Line([.. shocks], [.. vols], [.. pnl], worst);
    }

    private static GroupRiskLine Line(double[] shocks, string[] vols, double[] pnl, int worst) => new()
    {
        Group = "G", ScenarioShocks = shocks, ScenarioVols = vols, ScenarioPnl = pnl, WorstScenario = worst,
    };
}

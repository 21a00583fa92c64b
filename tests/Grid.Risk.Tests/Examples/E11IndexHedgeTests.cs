using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Tests.Examples.EquityMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>
/// examples.md E11: −10 SPX 30d 5,200 puts (mult 100), S = 5,400, σ = 18%, r = 4%, hedged with −4 ES (mult 50)
/// in the SPX group (+6% / −8% grid).
/// </summary>
public sealed class E11IndexHedgeTests
{
    // move, puts, ES, hedged (the FINRA order: down points, then up points).
    private static readonly double[,] Table =
    {
        { -0.080, -212_171.10, 86_684.52, -125_486.58 },
        { -0.064, -148_766.68, 69_347.62, -79_419.07 },
        { -0.048, -95_550.52, 52_010.71, -43_539.81 },
        { -0.032, -53_365.22, 34_673.81, -18_691.41 },
        { -0.016, -21_936.16, 17_336.90, -4_599.26 },
        { 0.012, 11_340.20, -13_002.68, -1_662.48 },
        { 0.024, 19_260.66, -26_005.36, -6_744.69 },
        { 0.036, 24_585.64, -39_008.04, -14_422.39 },
        { 0.048, 28_032.55, -52_010.71, -23_978.17 },
        { 0.060, 30_181.71, -65_013.39, -34_831.68 },
    };

    private static readonly Position Puts = new(SpxPut, -10);
    private static readonly Position EsShort = new(Es, -4, EsForward);

    private static MarginReport Evaluate(Position[] positions, MarginRegime regime = MarginRegime.Pm)
        => Account(positions, new Dictionary<string, double> { ["USD"] = 1_000_000 }, regime).Evaluate();

    [Fact]
    public void Index_ForwardPriceAndSpotDelta()
    {
        var put = Model().Instrument(SpxPut);
        Near.Rel(5_417.782640, put.Forward, "E11 F = 5,400·e^{0.04·30/365}");
        Near.Rel(33.098097, put.Mark, "E11 put price");
        Near.Abs(-0.2059, put.Delta / (100 * 5_400), 5e-5, "E11 put spot delta (USD delta / (mult·S))");
    }

    [Fact]
    public void Index_ScenarioLegs_MatchTable()
    {
        var model = Model();
        var put = model.Instrument(SpxPut).RiskArray;
        var es = model.Instrument(Es).RiskArray;
        Assert.True(put.Length == 10, $"E11 grid should have 10 points, engine has {put.Length}");
        for (var j = 0; j < 10; j++)
        {
            Near.Usd(Table[j, 1], -10 * put[j], $"E11 puts at {Table[j, 0]:P1}");
            Near.Usd(Table[j, 2], -4 * es[j], $"E11 ES at {Table[j, 0]:P1}");
        }
    }

    [Fact]
    public void Index_HedgedScenarioTotals_MatchTable()
    {
        var pnl = Evaluate([Puts, EsShort]).GroupsPositions["SPX"].ScenarioPnl;
        for (var j = 0; j < 10; j++)
        {
            Near.Usd(Table[j, 3], pnl[j], $"E11 hedged at {Table[j, 0]:P1}");
        }
    }

    [Fact]
    public void Index_UnhedgedPm_Is212171_10()
        => Near.Usd(212_171.10, Evaluate([Puts]).Im, "E11 unhedged PM");

    [Fact]
    public void Index_HedgedPm_Is125486_58_FloorDoesNotBind()
    {
        var r = Evaluate([Puts, EsShort]);
        Near.Usd(375 + 75, r.Groups["SPX"].Figures.Som, "E11 floor 375 (puts) + 75 (ES)");
        Near.Usd(125_486.58, r.Im, "E11 hedged PM");
    }

    [Fact]
    public void Index_StrategyBased_Is643098_10()
        => Near.Usd(643_098.10, Evaluate([Puts], MarginRegime.Std).Im, "E11 Cboe broad index 15%: 10·(max(0.15·5,400 − 200, 0.10·5,200)·100 + 3,309.81)");
}

using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Tests.Examples.EquityMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>
/// examples.md E10: +1,000 AAPL @ 200, +10 × 30d 190 puts, −10 × 30d 220 calls (mult 100), σ = 25%, r = 4%,
/// under the FINRA 4210(g)-style ±15% grid.
/// </summary>
public sealed class E10EquityFinraTests
{
    // move, stock, puts, calls, total (the FINRA order: down points, then up points).
    private static readonly double[,] Table =
    {
        { -0.15, -30_000.00, 17_955.21, 706.07, -11_338.72 },
        { -0.12, -24_000.00, 12_628.37, 702.50, -10_669.13 },
        { -0.09, -18_000.00, 7_998.54, 685.77, -9_315.70 },
        { -0.06, -12_000.00, 4_317.38, 624.23, -7_058.39 },
        { -0.03, -6_000.00, 1_682.55, 442.32, -3_875.13 },
        { 0.03, 6_000.00, -955.53, -904.04, 4_140.43 },
        { 0.06, 12_000.00, -1_438.57, -2_489.70, 8_071.73 },
        { 0.09, 18_000.00, -1_656.70, -4_925.35, 11_417.95 },
        { 0.12, 24_000.00, -1_745.13, -8_268.13, 13_986.74 },
        { 0.15, 30_000.00, -1_777.50, -12_449.32, 15_773.18 },
    };

    private static readonly Dictionary<string, double> Stock = new() { ["AAPL"] = 1_000 };
    private static readonly Position[] Options = [new(AaplPut, 10), new(AaplCall, -10)];

    private static MarginReport Evaluate(MarginRegime regime = MarginRegime.Pm, bool withOptions = true)
        => Account(withOptions ? Options : [], Stock, regime).Evaluate();

    [Fact]
    public void Equity_ForwardAndPrices()
    {
        var model = Model();
        Near.Rel(200.658616, model.Instrument(AaplPut).Forward, "E10 F = 200·e^{0.04·30/365}");
        Near.Rel(1.792763, model.Instrument(AaplPut).Mark, "E10 put price");
        Near.Rel(0.706730, model.Instrument(AaplCall).Mark, "E10 call price");
    }

    [Fact]
    public void Equity_ScenarioLegs_MatchTable()
    {
        var model = Model();
        var stock = model.Asset("AAPL").Full!;
        var put = model.Instrument(AaplPut).RiskArray;
        var call = model.Instrument(AaplCall).RiskArray;
        Assert.True(put.Length == 10, $"E10 FINRA grid should have 10 points, engine has {put.Length}");
        for (var j = 0; j < 10; j++)
        {
            var move = $"{Table[j, 0]:P0}";
            Near.Usd(Table[j, 1], 1_000 * stock[j], $"E10 stock at {move}");
            Near.Usd(Table[j, 2], 10 * put[j], $"E10 puts at {move}");
            Near.Usd(Table[j, 3], -10 * call[j], $"E10 calls at {move}");
        }
    }

    [Fact]
    public void Equity_PortfolioScenarioTotals_MatchTable()
    {
        var pnl = Evaluate().GroupsPositions["AAPL"].ScenarioPnl;
        for (var j = 0; j < 10; j++)
        {
            Near.Usd(Table[j, 4], pnl[j], $"E10 total at {Table[j, 0]:P0}");
        }
    }

    [Fact]
    public void Equity_MinimumPerContract_Is750()
        => Near.Usd(750, Evaluate().Groups["AAPL"].Figures.Som, "E10 minimum $0.375·100·10 (calls) + min($375, put value)");

    [Fact]
    public void Equity_PmRequirement_Is11338_72()
    {
        var r = Evaluate();
        Near.Usd(11_338.72, r.Groups["AAPL"].Figures.Scan, "E10 scan (−15%)");
        Near.Usd(11_338.72, r.Im, "E10 PM requirement max(11,338.72, 750)");
    }

    [Fact]
    public void Equity_RegT_Im101792_76_FinraMaintenance51792_76()
    {
        var r = Evaluate(MarginRegime.Std);
        Near.Usd(101_792.76, r.Im, "E10 Reg T: 50% of 200,000 + puts in full + covered call 0");
        Near.Usd(51_792.76, r.Mm, "E10 FINRA maintenance");
    }

    [Fact]
    public void StockAlone_Pm30000_RegT100000()
    {
        Near.Usd(30_000, Evaluate(withOptions: false).Im, "E10 stock alone under PM");
        Near.Usd(100_000, Evaluate(MarginRegime.Std, withOptions: false).Im, "E10 stock alone under Reg T");
    }
}

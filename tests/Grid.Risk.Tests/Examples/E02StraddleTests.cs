using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>examples.md E2: short 10 × BTC 30d 60,000 call + put, σ = 55%, r = 0, USD-settled.</summary>
public sealed class E02StraddleTests
{
    // Risk array of the position (PnL, USD): per shock −16% … +16%, the vol up / same / down columns.
    private static readonly double[,] MainGrid =
    {
        { -55_335.71, -32_333.36, -24_627.27 },
        { -45_826.66, -17_490.21, -6_065.35 },
        { -39_673.46, -6_848.18, 8_145.34 },
        { -36_935.48, -949.13, 16_691.27 },
        { -37_557.91, 0.00, 18_826.42 },
        { -41_390.21, -3_870.08, 14_553.77 },
        { -48_209.31, -12_151.98, 4_545.61 },
        { -57_743.86, -24_257.64, -10_115.44 },
        { -69_696.85, -39_519.71, -28_233.70 },
    };

    // Extended rows −66%, −33%, +50%, +100%, +200%, +300%, +400%, +500% (vol up, weighted).
    private static readonly double[] ExtendedWeighted =
        [-67_324.30, -53_293.25, -63_949.63, -72_735.37, -77_934.22, -79_676.14, -80_547.11, -81_069.69];

    private static AccountBook Straddle(MarginRegime regime = MarginRegime.Pm)
        => Account(Crypto(), [new Position(Call60K, -10), new Position(Put60K, -10)], regime: regime);

    [Fact]
    public void Straddle_Prices_Are3770_409109()
    {
        var model = Crypto();
        Near.Rel(3_770.409109, model.Instrument(Call60K).Mark, "E2 call price");
        Near.Rel(3_770.409109, model.Instrument(Put60K).Mark, "E2 put price");
        Near.Rel(3_770.409109, model.Instrument(Call60K).Value, "E2 call value per contract (USD)");
    }

    [Fact]
    public void Straddle_Mtm_IsMinus75408_18()
    {
        var r = Straddle().Evaluate();
        Near.Usd(-75_408.182184, r.Dv, "E2 MTM (derivative value)");
        Near.Usd(-75_408.182184, r.Ae, "E2 AE with no balances");
    }

    [Fact]
    public void Straddle_MainGridRiskArray_MatchesTable()
    {
        var pnl = Straddle().Evaluate().GroupsPositions["BTC"].ScenarioPnl;
        string[] vols = ["up", "same", "down"];
        for (var i = 0; i < 9; i++)
        {
            for (var v = 0; v < 3; v++)
            {
                Near.Usd(MainGrid[i, v], pnl[3 * i + v], $"E2 risk array shock {(i - 4) * 4}% vol {vols[v]}");
            }
        }
    }

    [Fact]
    public void Straddle_ContractRiskArrays_MatchTable()
    {
        // Per-contract cells: the position row divided by the 10 short calls + 10 short puts.
        var model = Crypto();
        var call = model.Instrument(Call60K).RiskArray;
        var put = model.Instrument(Put60K).RiskArray;
        for (var i = 0; i < 9; i++)
        {
            for (var v = 0; v < 3; v++)
            {
                var j = 3 * i + v;
                Near.Usd(MainGrid[i, v] / -10, call[j] + put[j], $"E2 per-contract straddle cell {j}");
            }
        }
    }

    [Fact]
    public void Straddle_ExtendedRowsWeighted_MatchTable()
    {
        var pnl = Straddle().Evaluate().GroupsPositions["BTC"].ScenarioPnl;
        var rows = Rulebook.Default.Groups["BTC"].Extended;
        for (var k = 0; k < rows.Length; k++)
        {
            Near.Usd(ExtendedWeighted[k], rows[k].Weight * pnl[FirstExtended + k], $"E2 extended row {rows[k].Shock:P0} weighted");
        }
    }

    [Fact]
    public void Straddle_PmScan_Is81069_69()
    {
        var f = Straddle().Evaluate().Groups["BTC"].Figures;
        Near.Usd(81_069.69, f.Scan, "E2 scan (+500% vol-up row)");
        Assert.True(f.WorstScenario == FirstExtended + 7, $"E2 worst scenario should be the +500% row (index 34), engine says {f.WorstScenario}");
    }

    [Fact]
    public void Straddle_Som_Is12000()
    {
        var f = Straddle().Evaluate().Groups["BTC"].Figures;
        Near.Usd(12_000, f.SomStrike, "E2 SOM (1%·20·60,000)");
        Near.Usd(12_000, f.Som, "E2 SOM total");
    }

    [Fact]
    public void Straddle_PmIm_Is81069_69_Mm64855_75()
    {
        var r = Straddle().Evaluate();
        Near.Usd(81_069.69, r.Groups["BTC"].Figures.GroupIm, "E2 GroupIM = max(scan, SOM)");
        Near.Usd(81_069.69, r.Im, "E2 IM");
        Near.Usd(64_855.75, r.Mm, "E2 MM");
    }

    [Fact]
    public void Straddle_StdDeribitStandard_Im255408_18_Mm165408_18()
    {
        var r = Straddle(MarginRegime.Std).Evaluate();
        Near.Usd(255_408.18, r.Im, "E2 rule-based IM (each leg 0.15·60,000 + 3,770.41)");
        Near.Usd(165_408.18, r.Mm, "E2 rule-based MM (each leg 0.075·60,000 + mark)");
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>examples.md E1: long 10 BTC linear perp @ 60,000 (notional 600,000), PM and the STD venue rows.</summary>
public sealed class E01FuturesOnlyTests
{
    private static readonly Dictionary<string, double> Cash = new() { ["USD"] = 1_000_000 };

    private static MarginReport Evaluate(string instrument, double qty, MarginRegime regime, IReadOnlyList<Instrument>? extra = null)
        => Account(Crypto(extra: extra), [new Position(instrument, qty, 60_000)], Cash, regime: regime).Evaluate();

    [Fact]
    public void LongPerp_PmIm_Is96000_WorstRowMinus16()
    {
        var r = Evaluate(Perp, 10, MarginRegime.Pm);
        var f = r.Groups["BTC"].Figures;
        Near.Usd(96_000, f.Scan, "E1 PM scan (10·60,000·0.16)");
        Assert.True(f.WorstScenario == 0, $"E1 worst scenario should be −16% vol-up (index 0), engine says {f.WorstScenario}");
        Near.Usd(96_000, r.Im, "E1 PM IM");
        Near.Usd(76_800, r.Mm, "E1 PM MM (0.8·96,000)");
    }

    [Fact]
    public void LongPerp_LargestExtendedLoss_Is83160()
    {
        var model = Crypto();
        var ra = model.Instrument(Perp).RiskArray;
        var rows = Rulebook.Default.Groups["BTC"].Extended;
        var worst = double.PositiveInfinity;
        for (var k = 0; k < rows.Length; k++)
        {
            worst = Math.Min(worst, rows[k].Weight * 10 * ra[FirstExtended + k]);
        }

        Near.Usd(-83_160, worst, "E1 largest weighted extended loss (0.1386·600,000)");
    }

    [Fact]
    public void LongPerp_StdBinanceBracket_Im30000_Mm4700()
    {
        var r = Evaluate(Perp, 10, MarginRegime.Std);
        Near.Usd(30_000, r.Im, "E1 Binance 20x IM (600,000/20)");
        Near.Usd(4_700, r.Mm, "E1 Binance bracket MM (6,000 − 1,300)");
    }

    [Fact]
    public void LongPerp_StdDydxLargeCap_Im12000_Mm7200()
    {
        var perp = LinearPerp("BTC-PERP-DYDX", std: new StdOverride { Style = StdStyle.Dydx, Imf = 0.02, Mmf = 0.6 });
        var r = Evaluate(perp.Id, 10, MarginRegime.Std, [perp]);
        Near.Usd(12_000, r.Im, "E1 dYdX IM (0.02·600,000)");
        Near.Usd(7_200, r.Mm, "E1 dYdX MM (0.02·0.6·600,000)");
    }

    [Fact]
    public void LongPerp_StdHyperliquid40x_Im15000_Mm7500()
    {
        var perp = LinearPerp("BTC-PERP-HL", std: new StdOverride { Style = StdStyle.Hyperliquid, Leverage = 40, MaxLeverage = 40 });
        var r = Evaluate(perp.Id, 10, MarginRegime.Std, [perp]);
        Near.Usd(15_000, r.Im, "E1 Hyperliquid IM (600,000/40)");
        Near.Usd(7_500, r.Mm, "E1 Hyperliquid MM (600,000/40/2)");
    }

    [Fact]
    public void InversePerp10Btc_StdDeribit_Im0p205Btc_Mm0p155Btc()
    {
        // 10 BTC = $600k face: IM 2% + 10/100·0.5% = 2.05% → 0.205 BTC; MM 1.55% → 0.155 BTC.
        var r = Evaluate(InversePerp, 10 * 60_000 / InverseFace, MarginRegime.Std);
        Near.Rel(0.205, r.Im / 60_000, "E1 Deribit inverse IM of 10 BTC, in BTC");
        Near.Rel(0.155, r.Mm / 60_000, "E1 Deribit inverse MM of 10 BTC, in BTC");
    }

    [Fact]
    public void InversePerp_StdDeribit_PublishedImOf25And350Btc()
    {
        // Published: 25 BTC → 2.125% = 0.53125 BTC; 350 BTC → 3.75% = 13.125 BTC.
        foreach (var (coins, imCoin) in new[] { (25.0, 0.53125), (350.0, 13.125) })
        {
            var r = Evaluate(InversePerp, coins * 60_000 / InverseFace, MarginRegime.Std);
            Near.Rel(imCoin, r.Im / 60_000, $"E1 Deribit inverse IM of {coins} BTC, in BTC");
        }
    }
}

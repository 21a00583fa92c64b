using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>examples.md E4: calendar (basis) hedge, +10 BTC Dec future @ 61,500 and −10 BTC perp @ 60,000.</summary>
public sealed class E04CalendarTests
{
    private static readonly Position[] Calendar = [new(Dec, 10, 61_500), new(Perp, -10, 60_000)];

    private static MarginReport Evaluate(MarginRegime regime = MarginRegime.Pm)
        => Account(Crypto(), Calendar, new Dictionary<string, double> { ["USD"] = 100_000 }, regime: regime).Evaluate();

    [Fact]
    public void Calendar_NetDeltaAndScan_Are15000And2400()
    {
        var f = Evaluate().Groups["BTC"].Figures;
        Near.Usd(15_000, f.Delta, "E4 net delta 615,000 − 600,000");
        Near.Usd(2_400, f.Scan, "E4 scan 0.16·15,000");
    }

    [Fact]
    public void Calendar_Basis_Is6000()
        => Near.Usd(6_000, Evaluate().Groups["BTC"].Figures.Basis, "E4 basis 1%·min(615,000, 600,000)");

    [Fact]
    public void Calendar_PmIm_Is8400_Mm6720()
    {
        var r = Evaluate();
        Near.Usd(8_400, r.Im, "E4 PM IM");
        Near.Usd(6_720, r.Mm, "E4 PM MM");
    }

    [Fact]
    public void Calendar_StdBinanceHedgeMode_Im60750_Mm9550()
    {
        var r = Evaluate(MarginRegime.Std);
        Near.Usd(60_750, r.Im, "E4 Binance 20x IM 5%·(615,000 + 600,000)");
        Near.Usd(9_550, r.Mm, "E4 Binance MM (6,150 − 1,300) + (6,000 − 1,300)");
    }

    [Fact]
    public void Calendar_StdDydxTwoPercentPerLeg_Im24300()
    {
        var dydx = new StdOverride { Style = StdStyle.Dydx, Imf = 0.02, Mmf = 0.6 };
        var dec = CryptoInstruments().Single(i => i.Id == Dec) with { Id = "BTC-DEC-DYDX", Std = dydx };
        var perp = LinearPerp("BTC-PERP-DYDX", std: dydx);
        var market = CryptoMarket() with
        {
            Marks = new Dictionary<string, double>(CryptoMarket().Marks) { [dec.Id] = 61_500, [perp.Id] = 60_000 },
        };
        var model = RiskModel.Build(Rulebook.Default, [.. CryptoInstruments(), dec, perp], market);
        var book = Account(model, [new(dec.Id, 10, 61_500), new(perp.Id, -10, 60_000)], regime: MarginRegime.Std);
        Near.Usd(24_300, book.Evaluate().Im, "E4 dYdX IM 2% per leg");
    }
}

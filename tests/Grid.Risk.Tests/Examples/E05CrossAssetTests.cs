using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Regimes;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>examples.md E5: +$1,000,000 BTC perp against −$1,000,000 ETH perp (BTC–ETH credit 50%).</summary>
public sealed class E05CrossAssetTests
{
    private static AccountBook Book(double ethShortUsd) => Account(
        Crypto(),
        [new Position(Perp, 1_000_000 / 60_000.0, 60_000), new Position(EthPerp, -ethShortUsd / 3_000, 3_000)],
        new Dictionary<string, double> { ["USD"] = 1_000_000 });

    [Fact]
    public void CrossAsset_ScansAndDeltas()
    {
        var r = Book(1_000_000).Evaluate();
        Near.Usd(160_000, r.Groups["BTC"].Figures.Scan, "E5 scan BTC (−16%)");
        Near.Usd(200_000, r.Groups["ETH"].Figures.Scan, "E5 scan ETH (+20%)");
        Near.Usd(1_000_000, r.Groups["BTC"].Figures.Delta, "E5 Δ BTC");
        Near.Usd(-1_000_000, r.Groups["ETH"].Figures.Delta, "E5 Δ ETH");
    }

    [Fact]
    public void CrossAsset_CreditLine_Wpr_Spreads_Credit180000()
    {
        var r = Book(1_000_000).Evaluate();
        var line = Assert.Single(r.Credits);
        var (wprBtc, wprEth) = line.GroupA == "BTC" ? (line.WprA, line.WprB) : (line.WprB, line.WprA);
        Near.Rel(0.16, wprBtc, "E5 WPR BTC");
        Near.Rel(0.20, wprEth, "E5 WPR ETH");
        Near.Usd(1_000_000, line.Spreads, "E5 n = min(1e6, 1e6)");
        Near.Usd(180_000, line.Credit, "E5 credit 0.5·(160,000 + 200,000)");
        Near.Usd(180_000, r.CreditTotal, "E5 credit total");
    }

    [Fact]
    public void CrossAsset_PmIm_Is180000_Mm144000()
    {
        var r = Book(1_000_000).Evaluate();
        Near.Usd(180_000, r.Im, "E5 IM 360,000 − 180,000");
        Near.Usd(144_000, r.Mm, "E5 MM");
    }

    [Fact]
    public void CrossAsset_Siloed_Is360000()
    {
        var c = SiloedMargin.Compare(Book(1_000_000));
        Near.Usd(360_000, c.SiloedTotal, "E5 siloed requirement (each perp alone, no credit)");
        Near.Usd(180_000, c.CrossTotal, "E5 cross requirement");
    }

    [Fact]
    public void CrossAsset_EthShort500k_Credit90000_Im170000()
    {
        var r = Book(500_000).Evaluate();
        Near.Usd(100_000, r.Groups["ETH"].Figures.Scan, "E5 variant scan ETH");
        var line = Assert.Single(r.Credits);
        Near.Usd(500_000, line.Spreads, "E5 variant n");
        Near.Usd(90_000, r.CreditTotal, "E5 variant credit 0.5·(80,000 + 100,000)");
        Near.Usd(170_000, r.Im, "E5 variant IM");
    }

    // Step 6 (the ρ = 0.85 calibration check, 105,830.05 and 70.6%) is arithmetic on the rulebook's
    // calibration recipe; the engine does not compute it, so it is not encoded here.
}

using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>examples.md E14: dYdX OI-scaled IMF (Small-Cap: IMF 10%, MMF 50%, caps $20M / $50M), $100,000 position.</summary>
public sealed class E14DydxOpenInterestTests
{
    private static readonly Instrument SmallCap = LinearPerp(
        "BTC-PERP-SMALLCAP",
        std: new StdOverride { Style = StdStyle.Dydx, Imf = 0.10, Mmf = 0.50, OiLowerCap = 20_000_000, OiUpperCap = 50_000_000 });

    private static (double Im, double Mm) Requirement(double openInterestUsd)
    {
        var model = Crypto(extra: [SmallCap], openInterest: new Dictionary<string, double> { [SmallCap.Id] = openInterestUsd / 60_000 });
        var r = Account(model, [new Position(SmallCap.Id, 100_000 / 60_000.0, 60_000)],
            new Dictionary<string, double> { ["USD"] = 1_000_000 }, regime: MarginRegime.Std).Evaluate();
        return (r.Im, r.Mm);
    }

    [Fact]
    public void Oi10M_Imf0_10_Im10000_Mm5000()
    {
        var (im, mm) = Requirement(10_000_000);
        Near.Usd(10_000, im, "E14 OI 10M: IM");
        Near.Usd(5_000, mm, "E14 OI 10M: MM (base IMF)");
    }

    [Fact]
    public void Oi35M_Imf0_55_Im55000_Mm5000()
    {
        var (im, mm) = Requirement(35_000_000);
        Near.Usd(55_000, im, "E14 OI 35M: IM (IMF 0.10 + 0.90·15/30)");
        Near.Usd(5_000, mm, "E14 OI 35M: MM (base IMF)");
    }

    [Fact]
    public void Oi60M_Imf1_Im100000_Mm5000()
    {
        var (im, mm) = Requirement(60_000_000);
        Near.Usd(100_000, im, "E14 OI 60M: IM (IMF 1)");
        Near.Usd(5_000, mm, "E14 OI 60M: MM (base IMF)");
    }
}

using Grid.Risk.Accounts;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>examples.md E17: concentration add-on, marginal brackets on |group USD delta| (long BTC perp of that notional).</summary>
public sealed class E17ConcentrationTests
{
    private static double AddOn(double deltaUsd)
    {
        var r = Account(Crypto(), [new Position(Perp, deltaUsd / 60_000, 60_000)], new Dictionary<string, double> { ["USD"] = 1e9 }).Evaluate();
        var f = r.Groups["BTC"].Figures;
        Near.Usd(deltaUsd, f.Delta, $"E17 group delta for ${deltaUsd:N0}");
        return f.Concentration;
    }

    [Fact]
    public void Delta3M_AddOn0() => Near.Usd(0, AddOn(3e6), "E17 $3M");

    [Fact]
    public void Delta12M_AddOn70000() => Near.Usd(70_000, AddOn(12e6), "E17 $12M: 7M·1%");

    [Fact]
    public void Delta30M_AddOn400000() => Near.Usd(400_000, AddOn(30e6), "E17 $30M: 15M·1% + 10M·2.5%");

    [Fact]
    public void Delta80M_AddOn2400000() => Near.Usd(2_400_000, AddOn(80e6), "E17 $80M: 150k + 750k + 30M·5%");

    [Fact]
    public void Delta30M_GroupImAddsTheAddOn()
    {
        var r = Account(Crypto(), [new Position(Perp, 30e6 / 60_000, 60_000)], new Dictionary<string, double> { ["USD"] = 1e9 }).Evaluate();
        Near.Usd(0.16 * 30e6 + 400_000, r.Groups["BTC"].Figures.GroupIm, "E17 $30M: GroupIM = scan 4,800,000 + add-on 400,000 (§3.4)");
    }
}

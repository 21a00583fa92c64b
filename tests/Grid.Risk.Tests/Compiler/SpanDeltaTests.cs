using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests.Compiler;

/// <summary>Rulebook §4 item 29: the delta of a span instrument (credits, concentration).</summary>
public sealed class SpanDeltaTests
{
    private static readonly Instrument Future = new() { Id = "ES-SPAN", Kind = InstrumentKind.SpanFuture, Group = "ES_SPAN", Multiplier = 50, Settlement = "USD" };

    private static readonly double[] Array16 = [825.87, -1353.05, 4239.85, 2620.17, -2085.67, -4410.7, 7578.37, 6002.36, -6043.41, -7266.95, 10737.71, 9108.75, -9978.14, -11357.13, 7088.23, -7088.23];

    [Fact]
    public void WithoutAPublishedDelta_ASpanFutureWithAMark_HasTheDeltaOfALinearFuture()
    {
        var risk = Compile(spanDelta: null).Instrument("ES-SPAN");

        Assert.Equal(50 * 5_400.0, risk.Delta, 1e-9);
        var book = AccountBook.Create(Compile(spanDelta: null), new Portfolio { Positions = [new Position("ES-SPAN", -3, 5_400)] });
        Assert.Equal(-3 * 50 * 5_400.0, book.Evaluate().Groups["ES_SPAN"].Figures.Delta, 1e-6);
    }

    [Fact]
    public void APublishedDelta_IsUsedPerUnit()
    {
        var risk = Compile(spanDelta: 20_469.24).Instrument("ES-SPAN");

        Assert.Equal(50 * 20_469.24, risk.Delta, 1e-9);
    }

    [Fact]
    public void TheScenarioPnl_AlwaysComesFromThePublishedArray()
    {
        var with = Compile(spanDelta: 1).Instrument("ES-SPAN");
        var without = Compile(spanDelta: null).Instrument("ES-SPAN");

        Assert.Equal(with.RiskArray, without.RiskArray);
        Assert.Equal(50 * Array16[6], without.RiskArray[6], 1e-9);
    }

    private static RiskModel Compile(double? spanDelta)
    {
        var market = new MarketSnapshot
        {
            AsOf = TestMarket.AsOf,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000 },
            Marks = new Dictionary<string, double> { ["ES-SPAN"] = 5_400 },
            RiskArrays = new Dictionary<string, double[]> { ["ES-SPAN"] = Array16 },
            SpanDeltas = spanDelta is { } d ? new Dictionary<string, double> { ["ES-SPAN"] = d } : new Dictionary<string, double>(),
        };
        return RiskModel.Build(Rulebook.Default, [Future], market);
    }
}

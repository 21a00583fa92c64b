using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>
/// examples.md E9: open-order worst case. Position +5 BTC perp; resting bids 10 @ 59,500 and asks 12 @ 60,500; mark 60,000.
/// Not encoded (not expressible with the engine): Drift's and OKX's one-way formulas, the Binance cost-to-open
/// vectors (they price IM at the limit/last price) and Vega 0019 (slippage-based MM).
/// </summary>
public sealed class E09OpenOrdersTests
{
    private static MarginReport Evaluate(MarginRegime regime) => Account(
        Crypto(),
        [new Position(Perp, 5, 60_000)],
        new Dictionary<string, double> { ["USD"] = 1_000_000 },
        [new RestingOrder(Perp, Side.Buy, 10, 59_500), new RestingOrder(Perp, Side.Sell, 12, 60_500)],
        regime).Evaluate();

    [Fact]
    public void OpenOrders_PmScanPerState_144000_67200_48000()
    {
        var r = Evaluate(MarginRegime.Pm);
        var g = r.Groups["BTC"];
        Near.Usd(144_000 + 297.50, g.SideRequirements[FillState.Bids], "E9 all bids fill (+15): scan + fee reserve");
        Near.Usd(67_200 + 363.00, g.SideRequirements[FillState.Asks], "E9 all asks fill (−7): scan + fee reserve");
        Near.Usd(48_000, g.SideRequirements[FillState.None], "E9 no fills (+5)");
        Near.Usd(48_000, r.GroupsPositions["BTC"].Figures.Scan, "E9 positions-only scan");
    }

    [Fact]
    public void OpenOrders_PmRequirement_WorstSide144000_PlusFee297_50()
    {
        var r = Evaluate(MarginRegime.Pm);
        var g = r.Groups["BTC"];
        Assert.True(g.Side == FillState.Bids, $"E9 worse side should be all bids, engine says {g.Side}");
        Near.Usd(144_000, g.Figures.Scan, "E9 scan of the worse side");
        Near.Usd(0, g.OpenLoss, "E9 open loss (both sides away from mark)");
        Near.Usd(297.50, g.FeeReserve, "E9 fee reserve of the bids");
        Near.Usd(144_000, r.Im, "E9 IM′ (scenario part)");
        Near.Usd(297.50, r.OrderCosts, "E9 order costs deducted from equity");
    }

    [Fact]
    public void OpenOrders_StdFivePercentImf_45000_21000_15000()
    {
        var r = Evaluate(MarginRegime.Std);
        var g = r.Groups["BTC"];
        Near.Usd(45_000 + 297.50, g.SideRequirements[FillState.Bids], "E9 rule 5% IMF, all bids fill (+15) + fee reserve");
        Near.Usd(21_000 + 363.00, g.SideRequirements[FillState.Asks], "E9 rule 5% IMF, all asks fill (−7) + fee reserve");
        Near.Usd(15_000, g.SideRequirements[FillState.None], "E9 rule 5% IMF, no fills (+5)");
        Near.Usd(45_000, r.Im, "E9 rule 5% IMF of the worse side");
    }
}

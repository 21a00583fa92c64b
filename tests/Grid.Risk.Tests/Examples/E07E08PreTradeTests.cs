using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>
/// examples.md E7/E8: pre-trade accept and reject, buying power and max size. Account: 2 BTC + 20,000 USDT,
/// short 1× BTC 30d 60,000 straddle; the 2 BTC are upside-only offset collateral (default rulebook).
/// </summary>
public sealed class E07E08PreTradeTests
{
    private const int Minus16Up = 0;
    private const int Plus16Up = 24;
    private const int Minus66Up = FirstExtended;

    private static AccountBook Book() => Account(
        Crypto(),
        [new Position(Call60K, -1), new Position(Put60K, -1)],
        new Dictionary<string, double> { ["BTC"] = 2, ["USDT"] = 20_000 });

    [Fact]
    public void Baseline_Ae129859_18_Im6732_43_Mm5385_94_Available123126_75()
    {
        var r = Book().Evaluate();
        Near.Usd(137_400, r.Cv, "E7 CV (117,600 + 19,800)");
        Near.Usd(-7_540.82, r.Dv, "E7 straddle MTM");
        Near.Usd(129_859.18, r.Ae, "E7 AE0");
        Near.Usd(6_732.43, r.Im, "E7 IM0");
        Near.Usd(5_385.94, r.Mm, "E7 MM0");
        Near.Usd(123_126.75, r.Available, "E7 Available");
        var f = r.Groups["BTC"].Figures;
        Assert.True(f.WorstScenario == Minus66Up, $"E7 IM0 worst row should be −66% vol-up (index {Minus66Up}), engine says {f.WorstScenario}");
        Near.Usd(1_200, f.Som, "E7 SOM 1%·2·60,000 (does not bind)");
    }

    [Fact]
    public void Baseline_WorstRowLegs_WeightedAt0_21()
    {
        var model = Crypto();
        Near.Usd(791.79, -0.21 * model.Instrument(Call60K).RiskArray[Minus66Up], "E7 −66% vol-up call leg (weighted)");
        Near.Usd(-7_524.21, -0.21 * model.Instrument(Put60K).RiskArray[Minus66Up], "E7 −66% vol-up put leg (weighted)");
        var row = Book().Evaluate().GroupsPositions["BTC"].ScenarioPnl[Minus66Up];
        Near.Usd(-6_732.43, 0.21 * row, "E7 −66% vol-up weighted group row: call + put + 2 BTC (0)");
    }

    [Fact]
    public void StraddleLegs_AtPlusMinus16VolUp()
    {
        var model = Crypto();
        var call = model.Instrument(Call60K).RiskArray;
        var put = model.Instrument(Put60K).RiskArray;
        Near.Usd(2_033.21, -call[Minus16Up], "E7 −16% vol-up short call");
        Near.Usd(-7_566.79, -put[Minus16Up], "E7 −16% vol-up short put");
        Near.Usd(-8_284.84, -call[Plus16Up], "E8b +16% vol-up short call");
        Near.Usd(1_315.16, -put[Plus16Up], "E8b +16% vol-up short put");
    }

    [Fact]
    public void E7_BuyFivePerp_Accepted_Excess76025_54()
    {
        var c = Book().Check(Perp, Side.Buy, 5, 60_030);
        Assert.True(c.Decision == Decision.Accept, $"E7 should be ACCEPT, engine says {c.Decision} ({c.Reason})");
        Near.Usd(53_533.57, c.Im, "E7 IM′");
        Near.Usd(150.08, c.OrderFee, "E7 fee reserve");
        Near.Usd(150.00, c.OrderOpenLoss, "E7 open loss");
        Near.Usd(129_559.11, c.Ae, "E7 AE′");
        Near.Usd(76_025.54, c.Excess, "E7 excess");
    }

    [Fact]
    public void E8_BuyFifteenPerp_Rejected_Shortfall20574_61()
    {
        var c = Book().Check(Perp, Side.Buy, 15, 60_030);
        Assert.True(c.Decision == Decision.Reject, $"E8 should be REJECT, engine says {c.Decision}");
        Assert.True(c.Reason == RejectReason.InsufficientMargin, $"E8 reason should be INSUFFICIENT_MARGIN, engine says {c.Reason}");
        Near.Usd(149_533.57, c.Im, "E8 IM′");
        Near.Usd(450.23, c.OrderFee, "E8 fee reserve");
        Near.Usd(450.00, c.OrderOpenLoss, "E8 open loss");
        Near.Usd(128_958.96, c.Ae, "E8 AE′");
        Near.Usd(-20_574.61, c.Excess, "E8 excess");
        Near.Usd(20_574.61, c.Shortfall, "E8 shortfall");
    }

    [Fact]
    public void E8_FailsRiskReducingTest_MmAfter119626_86()
    {
        var c = Book().Check(Perp, Side.Buy, 15, 60_030);
        Near.Usd(119_626.86, c.Mm, "E8 positions-only MM′ = 0.8·149,533.57");
        Near.Usd(5_385.94, c.MmBefore, "E8 MM0");
    }

    [Fact]
    public void E8b_SellFivePerp_Accepted_Excess93789_57()
    {
        var c = Book().Check(Perp, Side.Sell, 5, 59_970);
        Assert.True(c.Decision == Decision.Accept, $"E8b should be ACCEPT, engine says {c.Decision} ({c.Reason})");
        Near.Usd(35_769.69, c.Im, "E8b IM′");
        Near.Usd(149.93, c.OrderFee, "E8b fee reserve");
        Near.Usd(150.00, c.OrderOpenLoss, "E8b open loss");
        Near.Usd(129_559.26, c.Ae, "E8b AE′");
        Near.Usd(93_789.57, c.Excess, "E8b excess");
    }

    [Fact]
    public void MaxBuySize_Is12_870126()
        => Near.Abs(12.870126, MaxOrderSize.Of(Book(), Perp, Side.Buy, 60_030), 1e-6, "E7 max buy size @ 60,030 (BTC)");

    [Fact]
    public void MaxSellSize_Is14_709080()
        => Near.Abs(14.709080, MaxOrderSize.Of(Book(), Perp, Side.Sell, 59_970), 1e-6, "E8b max sell size @ 59,970 (BTC)");
}

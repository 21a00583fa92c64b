using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Risk.Tests.Decisions;

/// <summary>Each policy gate of the one pre-trade decision, in its order, and the orders that pass them.</summary>
public sealed class OrderGateTests
{
    private static readonly AccountBook Funded = TestMarket.Account(1_000_000, new Position("BTC-PERP", 2, 60_000));

    private static int Perp => Funded.Model.Instrument("BTC-PERP").Index;

    public static TheoryData<string, RejectReason> Gates => new()
    {
        { "frozen", RejectReason.AccountFrozen },
        { "halted", RejectReason.InstrumentHalted },
        { "open orders", RejectReason.MaxOpenOrders },
        { "zero qty", RejectReason.InvalidOrder },
        { "reduce-only opening", RejectReason.InvalidOrder },
        { "band", RejectReason.PriceOutsideBand },
        { "notional", RejectReason.MaxOrderNotional },
        { "1e15 order", RejectReason.MaxOrderNotional },
        { "position", RejectReason.MaxPosition },
        { "stale", RejectReason.StalePrice },
        { "margin", RejectReason.InsufficientMargin },
    };

    [Theory]
    [MemberData(nameof(Gates))]
    public void EachGate_RefusesWithItsReason_AndTheRestPass(string gate, RejectReason reason)
    {
        var (order, limits, account) = gate switch
        {
            "frozen" => (Buy(1), default(TradingLimits), new AccountControls { Frozen = true }),
            "halted" => (Buy(1), new TradingLimits { Halted = true }, default(AccountControls)),
            "open orders" => (Buy(1), default, new AccountControls { MaxOpenOrders = 1 }),
            "zero qty" => (Buy(0), default, default),
            "reduce-only opening" => (Buy(1) with { ReduceOnly = true }, default, default),
            "band" => (Buy(1) with { Price = 66_001 }, new TradingLimits { PriceBand = 0.1 }, default),
            "notional" => (Buy(2), new TradingLimits { MaxOrderNotional = 100_000 }, default),
            "1e15 order" => (Buy(2e10), default, default),
            "position" => (Buy(4), new TradingLimits { MaxPosition = 5 }, default),
            "stale" => (Buy(1), new TradingLimits { StalePrice = true }, default),
            _ => (Buy(1_000), default, default),
        };
        var book = gate == "open orders" ? WithOneOrder() : Funded;

        var r = OrderGate.Check(book, order, limits, account);

        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Equal(reason, r.Reason);
        Assert.True(reason == RejectReason.InsufficientMargin || OrderGateText.Explain(r.Reason, book, order, limits).Length > 0);
        Assert.True(OrderGate.Check(Funded, Buy(1), default, default).Accepted);
    }

    [Fact]
    public void AnOrderThatOnlyReduces_PassesThePositionAndStaleGates()
    {
        var limits = new TradingLimits { MaxPosition = 1, StalePrice = true };

        var reduce = OrderGate.Check(Funded, Buy(2) with { Side = Side.Sell, ReduceOnly = true }, limits, default);
        var cross = OrderGate.Check(Funded, Buy(2.5) with { Side = Side.Sell }, limits, default);

        Assert.True(reduce.Accepted, reduce.Reason.ToString());
        Assert.Equal(RejectReason.MaxPosition, OrderGate.Check(Funded, Buy(4) with { Side = Side.Sell }, limits, default).Reason);
        Assert.Equal(RejectReason.StalePrice, cross.Reason);
    }

    [Fact]
    public void AReduceOnlyOrderLargerThanThePosition_IsCheckedLikeAnyOther()
    {
        var r = OrderGate.Check(Funded, Buy(3) with { Side = Side.Sell, ReduceOnly = true }, default, default);

        Assert.True(r.Accepted, r.Reason.ToString());
    }

    [Fact]
    public void WithNoLimits_TheGateIsTheMarginTest()
    {
        var order = Buy(3);
        var gate = OrderGate.Check(Funded, order, default, default);
        var margin = Funded.Check(order.Instrument, order.Side, order.Qty, order.Price);

        Assert.Equal(margin, gate);
    }

    [Fact]
    public void AnAcceptedCheck_AllocatesNothing()
    {
        var book = Funded.Clone();
        var limits = new TradingLimits { PriceBand = 0.1, MaxOrderNotional = 1e7, MaxPosition = 1_000 };
        var account = new AccountControls { MaxOpenOrders = 1_000 };
        var order = Buy(1);
        Assert.True(OrderGate.Check(book, order, limits, account).Accepted);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            _ = OrderGate.Check(book, order, limits, account);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static OrderTerms Buy(double qty) => new(Perp, Side.Buy, qty, 60_000);

    private static AccountBook WithOneOrder()
    {
        var book = Funded.Clone();
        book.AddOrder(new RestingOrder("BTC-PERP", Side.Buy, 0.1, 59_000, "resting"));
        return book;
    }
}

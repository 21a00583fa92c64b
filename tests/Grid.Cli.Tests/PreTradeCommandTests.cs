using Grid.Api.V1;
using static Grid.Cli.Tests.Figures;

namespace Grid.Cli.Tests;

/// <summary>check, what-if and max-size build exact requests and print the decision.</summary>
public sealed class PreTradeCommandTests
{
    [Fact]
    public async Task Check_HappyPath_SendsExactOrderAndPrintsDecision()
    {
        var run = new CliRun();
        run.Grid.OnUnary<CheckOrderRequest, OrderDecision>("PreTrade", "Check", r => Accept(r.Order.AccountId, r.Order.ClientOrderId));

        var result = await run.RunAsync("check", "alice", "BTC-PERP", "buy", "0.000000001", "12345678901234.123456789");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var order = run.Grid.Single<CheckOrderRequest>().Order;
        Assert.Equal("alice", order.AccountId);
        Assert.Equal("BTC-PERP", order.InstrumentId);
        Assert.Equal(Side.Buy, order.Side);
        Assert.Equal(D("0.000000001"), order.Qty);
        Assert.Equal(new Grid.Api.V1.Decimal { Units = 12_345_678_901_234, Nanos = 123_456_789 }, order.Price);
        Assert.False(order.ReduceOnly);
        Assert.Matches("^cli-[0-9a-f]{12}$", order.ClientOrderId);
        Assert.StartsWith("ACCEPT\n", result.Output);
        Assert.Matches(@"IM after\s+1,500.50\n", result.Output);
        Assert.Matches(@"available after\s+8,499.50\n", result.Output);
    }

    [Fact]
    public async Task Check_OrderIdAndReduceOnly_AreSent()
    {
        var run = new CliRun();
        run.Grid.OnUnary<CheckOrderRequest, OrderDecision>("PreTrade", "Check", _ => Reject("close-1"));

        var result = await run.RunAsync("check", "alice", "BTC-PERP", "SELL", "2", "60000", "--reduce-only", "--order-id", "close-1");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var order = run.Grid.Single<CheckOrderRequest>().Order;
        Assert.Equal(Side.Sell, order.Side);
        Assert.True(order.ReduceOnly);
        Assert.Equal("close-1", order.ClientOrderId);
        Assert.StartsWith("REJECT: INSUFFICIENT_MARGIN\n", result.Output);
        Assert.Matches(@"shortfall\s+1,234.56\n", result.Output);
        Assert.Matches(@"IM before\s+-\n", result.Output);
    }

    [Fact]
    public async Task Check_Json_PrintsTheRawResponse()
    {
        var run = new CliRun();
        run.Grid.OnUnary<CheckOrderRequest, OrderDecision>("PreTrade", "Check", _ => Reject());

        var result = await run.RunAsync("--json", "check", "alice", "BTC-PERP", "buy", "1", "60000");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var parsed = OrderDecision.Parser.ParseJson(result.Output);
        Assert.Equal(Reject(), parsed);
        Assert.Contains("\"rejectReason\": \"REJECT_REASON_INSUFFICIENT_MARGIN\"", result.Output);
    }

    [Fact]
    public async Task WhatIf_SeveralOrders_SendsThemInOrderAndPrintsATable()
    {
        var run = new CliRun();
        run.Grid.OnUnary<WhatIfRequest, WhatIfResponse>("Accounts", "WhatIf", r => new WhatIfResponse
        {
            Decisions = { Accept(orderId: "1"), Reject("2") },
            BuyingPower = BuyingPower(),
        });

        var result = await run.RunAsync("what-if", "alice", "BTC-PERP:buy:1:60000", "ETH-PERP:sell:20.5:3000");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var request = run.Grid.Single<WhatIfRequest>();
        Assert.Equal("alice", request.AccountId);
        Assert.Collection(
            request.Orders,
            o => Assert.Equal(new WhatIfOrder { ClientOrderId = "1", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = D("1"), Price = D("60000") }, o),
            o => Assert.Equal(new WhatIfOrder { ClientOrderId = "2", InstrumentId = "ETH-PERP", Side = Side.Sell, Qty = D("20.5"), Price = D("3000") }, o));
        Assert.Contains("\n2  ETH-PERP    SELL  20.5   3000  REJECT: INSUFFICIENT_MARGIN", result.Output);
        Assert.Contains("with the accepted orders resting:", result.Output);
    }

    [Fact]
    public void WhatIf_InstrumentWithColons_KeepsEverythingBeforeTheLastThreeFields()
    {
        var order = Commands.WhatIfCommand.ParseOrder("X:Y:buy:1:2", "1");

        Assert.Equal("X:Y", order.InstrumentId);
    }

    [Fact]
    public async Task WhatIf_MoreThanAHundredOrders_IsAUsageError()
    {
        var run = new CliRun();
        var orders = Enumerable.Repeat("BTC-PERP:buy:1:60000", 101);

        var result = await run.RunAsync(["what-if", "alice", .. orders]);

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Equal("error: too many orders: 101, at most 100", result.FirstErrorLine);
    }

    [Fact]
    public async Task MaxSize_WithPrice_SendsItAndPrintsTheSize()
    {
        var run = new CliRun();
        run.Grid.OnUnary<GetMaxOrderSizeRequest, MaxOrderSize>("Accounts", "GetMaxOrderSize", _ => new MaxOrderSize { Qty = D("1.234567") });

        var result = await run.RunAsync("max-size", "alice", "BTC-PERP", "buy", "60000");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal(
            new GetMaxOrderSizeRequest { AccountId = "alice", InstrumentId = "BTC-PERP", Side = Side.Buy, Price = D("60000") },
            run.Grid.Single<GetMaxOrderSizeRequest>());
        Assert.Equal("max buy BTC-PERP at 60000 for alice: 1.234567\n", result.Output);
    }

    [Fact]
    public async Task MaxSize_WithoutPrice_LeavesItUnsetForTheMark()
    {
        var run = new CliRun();
        run.Grid.OnUnary<GetMaxOrderSizeRequest, MaxOrderSize>("Accounts", "GetMaxOrderSize", _ => new MaxOrderSize { Qty = D("1000000000000"), Capped = true });

        var result = await run.RunAsync("max-size", "alice", "ETH-PERP", "sell");

        Assert.Null(run.Grid.Single<GetMaxOrderSizeRequest>().Price);
        Assert.Equal("max sell ETH-PERP at the mark for alice: 1000000000000 (capped: no size up to the cap fails)\n", result.Output);
    }
}

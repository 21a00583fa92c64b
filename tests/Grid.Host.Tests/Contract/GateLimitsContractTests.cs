using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>
/// REJECT_REASON_STALE_PRICE and REJECT_REASON_MAX_OPEN_ORDERS over gRPC, on a host of their own: the shared
/// contract host keeps both gates at their defaults (no price age limit, 1000 resting orders), and a price age
/// limit would make every one of its orders stale, since nothing feeds it prices.
/// </summary>
public sealed class GateLimitsContractTests
{
    [Fact]
    public async Task StalePrice_AndMaxOpenOrders_AreDecisions_AndARiskReducingOrderPassesAStalePrice()
    {
        // The demo market is priced when the host starts; two seconds later every group is stale.
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Grid:Accounts:MaxPriceAge"] = "00:00:02",
            ["Grid:Accounts:MaxOpenOrders"] = "2",
        });
        await new Accounts.AccountsClient(host.Channel).DepositAsync(new DepositRequest { AccountId = "limits", Asset = "USD", Amount = Dec(1_000_000), RequestId = "fund-limits" });
        await using var engine = new EngineStream(new PreTrade.PreTradeClient(host.Engine));
        // A fill books whatever the price's age: the account holds 2 ETH.
        Assert.Equal(GridMessage.BodyOneofCase.Ack, (await engine.Send(Fill(0, "limits", "held", "t-held", 2, 3_000, "ETH-PERP", Side.Buy))).BodyCase);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        OrderDecision buy;
        var n = 0;
        do
        {
            await Task.Delay(500);
            buy = (await engine.Send(Check(0, "limits", $"more-{n++}", "ETH-PERP", Side.Buy, 0.01m, 3_000))).Decision;
            if (buy.Decision == Decision.Accept)
            {
                await engine.Send(Cancel(0, "limits", buy.ClientOrderId));
            }
        }
        while (buy.RejectReason != RejectReason.StalePrice && DateTime.UtcNow < deadline);

        Assert.Equal((Decision.Reject, RejectReason.StalePrice), (buy.Decision, buy.RejectReason));
        var reduceOnly = await engine.Send(new EngineMessage { Check = new CheckOrder { AccountId = "limits", ClientOrderId = "less-ro", InstrumentId = "ETH-PERP", Side = Side.Sell, Qty = Dec(1), Price = Dec(3_000), ReduceOnly = true } });
        var sell = await engine.Send(Check(0, "limits", "less", "ETH-PERP", Side.Sell, 0.5m, 3_000));
        var beyond = await engine.Send(Check(0, "limits", "beyond", "ETH-PERP", Side.Sell, 0.5m, 3_000));

        Assert.Equal(Decision.Accept, reduceOnly.Decision.Decision);
        Assert.Equal(Decision.Accept, sell.Decision.Decision);
        Assert.Equal((Decision.Reject, RejectReason.MaxOpenOrders), (beyond.Decision.Decision, beyond.Decision.RejectReason));
        var listed = await new PreTrade.PreTradeClient(host.Engine).ListReservationsAsync(new ListReservationsRequest { AccountIds = { "limits" } });
        Assert.Equal(["less", "less-ro"], listed.Reservations.Select(r => r.ClientOrderId).Order(StringComparer.Ordinal));
    }
}

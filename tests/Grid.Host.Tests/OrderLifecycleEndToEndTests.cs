using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests;

/// <summary>Reserve → partial fill → cancel and idempotent retries over the real pre-trade stream.</summary>
[Collection(GridHost.Name)]
public sealed class OrderLifecycleEndToEndTests(GridHostFixture grid)
{
    [Fact]
    public async Task ReservePartialFillCancel_MovesMarginAsTheOrderLives()
    {
        await grid.Fund("e2e-life", "USD", 200_000);
        var free = Num((await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "e2e-life" })).Available);
        await using var engine = grid.Stream();

        var check = await engine.Send(Check(0, "e2e-life", "o1", "BTC-PERP", Side.Buy, 2, 60_010));
        Assert.Equal(Decision.Accept, check.Decision.Decision);
        Assert.True(Num(check.Decision.AvailableAfter) < free);

        var fill = await engine.Send(Fill(0, "e2e-life", "o1", "t1", 0.5m, 60_000, "BTC-PERP", Side.Buy));
        Assert.True(fill.BodyCase == GridMessage.BodyOneofCase.Ack, fill.ToString());
        Assert.Equal(1.5m, Num(fill.Ack.RemainingQty));
        var portfolio = await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "e2e-life" });
        Assert.Equal(0.5m, Num(Assert.Single(portfolio.Positions).Qty));
        Assert.Equal(1.5m, Num(Assert.Single(portfolio.Orders).RemainingQty));

        var cancel = await engine.Send(Cancel(0, "e2e-life", "o1"));
        Assert.Equal(0m, Num(cancel.Ack.RemainingQty));
        var after = await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "e2e-life" });
        Assert.Empty((await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "e2e-life" })).Orders);
        // Only the 0.5 BTC position is margined now: 0.5 × 60,000 × 16%.
        Near.Equal(4_800m, Num(after.InitialMargin), 0.01m, "IM after cancel");
    }

    [Fact]
    public async Task RetriedCheckAndFill_AreAppliedOnce()
    {
        await grid.Fund("e2e-retry", "USD", 200_000);
        await using var engine = grid.Stream();
        var first = await engine.Send(Check(0, "e2e-retry", "o1", "BTC-PERP", Side.Buy, 1, 60_010));
        var again = await engine.Send(Check(0, "e2e-retry", "o1", "BTC-PERP", Side.Buy, 1, 60_010));
        Assert.False(first.Decision.Replayed);
        Assert.True(again.Decision.Replayed);
        Assert.Equal(first.Decision.Decision, again.Decision.Decision);

        var fill = await engine.Send(Fill(0, "e2e-retry", "o1", "trade-1", 1, 60_000, "BTC-PERP", Side.Buy));
        var dup = await engine.Send(Fill(0, "e2e-retry", "o1", "trade-1", 1, 60_000, "BTC-PERP", Side.Buy));
        Assert.False(fill.Ack.Duplicate);
        Assert.True(dup.Ack.Duplicate);
        var p = await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "e2e-retry" });
        Assert.Equal(1m, Num(Assert.Single(p.Positions).Qty));
        Assert.Empty(p.Orders);
    }

    [Fact]
    public async Task EngineResync_ListsTheOpenReservationsOfItsAccounts()
    {
        await grid.Fund("e2e-resync", "USD", 500_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Check(0, "e2e-resync", "r1", "BTC-PERP", Side.Buy, 1, 59_000));
            await engine.Send(Check(0, "e2e-resync", "r2", "ETH-PERP", Side.Sell, 3, 3_100));
            await engine.Send(Fill(0, "e2e-resync", "r1", "rt1", 0.25m, 59_000, "BTC-PERP", Side.Buy));
        }

        // A reconnected engine asks what rests, to agree with the grid before it resumes.
        var page = await grid.PreTrade.ListReservationsAsync(new ListReservationsRequest { AccountIds = { "e2e-resync" } });
        var byId = page.Reservations.ToDictionary(r => r.ClientOrderId);
        Assert.Equal(2, byId.Count);
        Assert.Equal(0.75m, Num(byId["r1"].RemainingQty));
        Assert.Equal(59_000m, Num(byId["r1"].Price));
        Assert.Equal(("ETH-PERP", Side.Sell, 3m), (byId["r2"].InstrumentId, byId["r2"].Side, Num(byId["r2"].RemainingQty)));
    }

    [Fact]
    public async Task ManyAccountsPipelined_EveryMessageAnsweredInOrderPerAccount()
    {
        for (var a = 0; a < 5; a++)
        {
            await grid.Fund($"e2e-pipe-{a}", "USD", 1_000_000);
        }

        await using var engine = grid.Stream();
        var messages = new List<EngineMessage>();
        for (var i = 0; i < 200; i++)
        {
            messages.Add(Check(0, $"e2e-pipe-{i % 5}", $"p{i}", "BTC-PERP", Side.Buy, 0.01m, 60_000));
        }

        var replies = await Task.WhenAll(await engine.SendAll(messages));
        Assert.All(replies, r => Assert.Equal(Decision.Accept, r.Decision.Decision));
        for (var a = 0; a < 5; a++)
        {
            var orders = (await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = $"e2e-pipe-{a}" })).Orders;
            Assert.Equal(40, orders.Count);
            // Applied in arrival order: reservation times follow the send order of the account's messages.
            var bySend = Enumerable.Range(0, 40).Select(k => orders.Single(o => o.ClientOrderId == $"p{k * 5 + a}").ReservedAt.ToDateTimeOffset()).ToList();
            Assert.Equal(bySend.Order(), bySend);
        }
    }
}

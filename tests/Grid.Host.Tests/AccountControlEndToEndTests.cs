using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests;

/// <summary>Margin call, kill switch, withdrawals and price moves through the real host.</summary>
[Collection(GridHost.Name)]
public sealed class AccountControlEndToEndTests(GridHostFixture grid)
{
    [Fact]
    public async Task MarginCallAccount_RiskReducingOrderAccepted_IncreasingRejected()
    {
        // 10 BTC-PERP long on 85,000 USD: AE 85,000 is below IM 96,000 and above MM 76,800.
        await grid.Fund("e2e-call", "USD", 85_000);
        await using var engine = grid.Stream();
        await engine.Send(Fill(0, "e2e-call", "x", "call-t1", 10, 60_000, "BTC-PERP", Side.Buy));
        var bp = await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "e2e-call" });
        Assert.Equal(AccountState.ReduceOnly, bp.State);

        var reduce = await engine.Send(Check(0, "e2e-call", "r1", "BTC-PERP", Side.Sell, 4, 59_990));
        Assert.Equal(Decision.AcceptRiskReducing, reduce.Decision.Decision);
        var increase = await engine.Send(Check(0, "e2e-call", "r2", "BTC-PERP", Side.Buy, 1, 60_010));
        Assert.Equal(Decision.Reject, increase.Decision.Decision);
        Assert.Equal(RejectReason.ReduceOnly, increase.Decision.RejectReason);
        Assert.True(Num(increase.Decision.Shortfall) > 0, increase.ToString());
    }

    [Fact]
    public async Task FrozenAccount_IsRejected_UntilUnfrozen()
    {
        await grid.Fund("e2e-frozen", "USD", 100_000);
        await grid.Admin.FreezeAccountAsync(new FreezeAccountRequest { AccountId = "e2e-frozen", Reason = "ops drill" });
        await using var engine = grid.Stream();
        var r = await engine.Send(Check(0, "e2e-frozen", "o1", "BTC-PERP", Side.Buy, 0.1m, 60_000));
        Assert.Equal(RejectReason.AccountFrozen, r.Decision.RejectReason);
        await grid.Admin.UnfreezeAccountAsync(new UnfreezeAccountRequest { AccountId = "e2e-frozen", Reason = "drill over" });
        Assert.Equal(Decision.Accept, (await engine.Send(Check(0, "e2e-frozen", "o2", "BTC-PERP", Side.Buy, 0.1m, 60_000))).Decision.Decision);
    }

    [Fact]
    public async Task Freeze_WithCancelRestingOrders_ReleasesTheReservations_AndTellsTheEngine()
    {
        await grid.Fund("e2e-pull", "USD", 100_000);
        await using var engine = grid.Stream();
        Assert.Equal(Decision.Accept, (await engine.Send(Check(0, "e2e-pull", "p1", "BTC-PERP", Side.Buy, 0.1m, 59_000))).Decision.Decision);
        Assert.Equal(Decision.Accept, (await engine.Send(Check(0, "e2e-pull", "p2", "ETH-PERP", Side.Sell, 1, 3_100))).Decision.Decision);
        var reserved = await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "e2e-pull" });
        Assert.True(Num(reserved.InitialMargin) > 0);

        var status = await grid.Admin.FreezeAccountAsync(new FreezeAccountRequest { AccountId = "e2e-pull", Reason = "pull everything", CancelRestingOrders = true });
        Assert.True(status.Frozen);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (engine.Unsolicited.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var cancel = Assert.Single(engine.Unsolicited).Cancel;
        Assert.Equal(("e2e-pull", CancelReason.AccountFrozen), (cancel.AccountId, cancel.Reason));
        Assert.Equal(["p1", "p2"], cancel.ClientOrderIds.Order(StringComparer.Ordinal));
        Assert.Empty((await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "e2e-pull" })).Orders);
        var released = await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "e2e-pull" });
        Assert.Equal(0m, Num(released.InitialMargin));

        // The engine's own cancel of a pulled order is answered, not refused; the account stays frozen.
        Assert.Equal(GridMessage.BodyOneofCase.Ack, (await engine.Send(Cancel(0, "e2e-pull", "p1"))).BodyCase);
        Assert.Equal(RejectReason.AccountFrozen, (await engine.Send(Check(0, "e2e-pull", "p3", "BTC-PERP", Side.Buy, 0.1m, 59_000))).Decision.RejectReason);
    }

    [Fact]
    public async Task Withdrawal_ThatWouldBreachIm_IsRefused()
    {
        await grid.Fund("e2e-withdraw", "USD", 150_000);
        await using var engine = grid.Stream();
        await engine.Send(Fill(0, "e2e-withdraw", "x", "wd-t1", 10, 60_000, "BTC-PERP", Side.Buy));
        var refused = await grid.Accounts.WithdrawAsync(new WithdrawRequest { AccountId = "e2e-withdraw", Asset = "USD", Amount = Dec(60_000), RequestId = "w1" });
        Assert.False(refused.Accepted);
        Assert.Equal(RejectReason.WithdrawalExceedsAvailable, refused.RejectReason);
        var ok = await grid.Accounts.WithdrawAsync(new WithdrawRequest { AccountId = "e2e-withdraw", Asset = "USD", Amount = Dec(10_000), RequestId = "w2" });
        Assert.True(ok.Accepted);
    }

    [Fact]
    public async Task PriceUpdate_ChangesBuyingPower()
    {
        await grid.Fund("e2e-price", "USD", 100_000);
        await using var engine = grid.Stream();
        await engine.Send(Fill(0, "e2e-price", "x", "price-t1", 10, 3_000, "ETH-PERP", Side.Buy));
        var before = await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "e2e-price" });
        try
        {
            await grid.Mark("ETH-PERP", 2_900);
            Near.Equal(Num(before.Equity) - 1_000, Num((await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "e2e-price" })).Equity), 0.01m, "equity after -100");
        }
        finally
        {
            await grid.Mark("ETH-PERP", 3_000);
        }
    }
}

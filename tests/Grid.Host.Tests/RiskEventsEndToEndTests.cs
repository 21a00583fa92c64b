using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests;

/// <summary>Real-time risk through the host: price moves become RiskEvents, liquidation cancels orders on the engine's stream.</summary>
[Collection(GridHost.Name)]
public sealed class RiskEventsEndToEndTests(GridHostFixture grid)
{
    [Fact]
    public async Task PriceMove_IntoLiquidation_EventAndCancelInstructionReachSubscribers()
    {
        const string perp = "E2E-RISK-PERP";
        await grid.ListPerp(perp, "ETH");
        await grid.Mark(perp, 1_000);
        await grid.Fund("e2e-risk", "USD", 25_000);

        // Watching LIQUIDATE keeps the opening snapshot to the few accounts in it: the shared host holds
        // every other test's accounts, and a snapshot of all of them on a loaded machine can outlast the wait.
        using var subscription = grid.RiskEvents.Subscribe(new SubscribeRiskEventsRequest { IncludePositions = true, States = { AccountState.Liquidate } });
        await subscription.ResponseHeadersAsync;
        await using var engine = grid.Stream();
        await engine.Send(Fill(0, "e2e-risk", "f", "risk-t1", 100, 1_000, perp, Side.Buy));
        var resting = await engine.Send(Check(0, "e2e-risk", "resting", perp, Side.Sell, 10, 1_050));
        Assert.Equal(Decision.Accept, resting.Decision.Decision);

        // IM = 20% × 100 × mark, MM = 0.8 × IM; at 850 AE is 10,000 < MM 13,600.
        await grid.Mark(perp, 850);
        var e = await Next(subscription.ResponseStream, x => x.AccountId == "e2e-risk" && x.Cause != "snapshot");
        Assert.Equal((AccountState.Ok, AccountState.Liquidate), (e.PreviousState, e.State));
        Assert.True(e.LiquidationCandidate);
        Assert.Equal(perp, Assert.Single(e.Positions).InstrumentId);
        Assert.Equal(13_600m, Num(e.MaintenanceMargin));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (engine.Unsolicited.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var cancel = Assert.Single(engine.Unsolicited).Cancel;
        Assert.Equal(("e2e-risk", CancelReason.Liquidation), (cancel.AccountId, cancel.Reason));
        Assert.Equal("resting", Assert.Single(cancel.ClientOrderIds));
        Assert.Empty((await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "e2e-risk" })).Orders);
    }

    [Fact]
    public async Task Watch_SeesAPriceMove()
    {
        const string perp = "E2E-WATCH-PERP";
        await grid.ListPerp(perp, "ETH");
        await grid.Mark(perp, 1_000);
        await grid.Fund("e2e-watch", "USD", 50_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Fill(0, "e2e-watch", "f", "watch-t1", 10, 1_000, perp, Side.Buy));
        }

        using var watch = grid.Accounts.Watch(new WatchAccountRequest { AccountId = "e2e-watch" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        var first = Num(watch.ResponseStream.Current.BuyingPower.Equity);
        Assert.Equal(50_000m, first);

        await grid.Mark(perp, 990);
        decimal latest;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
            latest = Num(watch.ResponseStream.Current.BuyingPower.Equity);
        }
        while (latest == first);

        Assert.Equal(49_900m, latest);
    }

    [Fact]
    public async Task Subscribe_AnAccountAlreadyInAWatchedState_OpensWithItsSnapshotLine()
    {
        const string perp = "E2E-SNAP-PERP";
        await IntoLiquidation(perp, "e2e-snap");

        using var subscription = grid.RiskEvents.Subscribe(new SubscribeRiskEventsRequest { IncludePositions = true, States = { AccountState.Liquidate } });
        var e = await Next(subscription.ResponseStream, x => x.AccountId == "e2e-snap");
        Assert.Equal(("snapshot", AccountState.Liquidate, AccountState.Liquidate), (e.Cause, e.PreviousState, e.State));
        Assert.True(e.LiquidationCandidate);
        Assert.Equal(perp, Assert.Single(e.Positions).InstrumentId);
        Assert.Equal(13_600m, Num(e.MaintenanceMargin));
    }

    [Fact]
    public async Task AnAccountLeavingAWatchedState_IsReported()
    {
        const string perp = "E2E-LEAVE-PERP";
        await IntoLiquidation(perp, "e2e-leave");

        using var subscription = grid.RiskEvents.Subscribe(new SubscribeRiskEventsRequest { States = { AccountState.Liquidate } });
        await subscription.ResponseHeadersAsync;
        Assert.Equal("snapshot", (await Next(subscription.ResponseStream, x => x.AccountId == "e2e-leave")).Cause);

        // Back at 1,000 AE is 25,000 against IM 20,000: out of liquidation.
        await grid.Mark(perp, 1_000);
        var e = await Next(subscription.ResponseStream, x => x.AccountId == "e2e-leave");
        Assert.Equal(AccountState.Liquidate, e.PreviousState);
        Assert.NotEqual(AccountState.Liquidate, e.State);
        Assert.False(e.LiquidationCandidate);
    }

    [Fact]
    public async Task Subscribe_UnspecifiedStateInTheFilter_IsRefusedNamingTheField()
    {
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "states", async () =>
        {
            using var subscription = grid.RiskEvents.Subscribe(new SubscribeRiskEventsRequest { States = { AccountState.Unspecified } });
            await subscription.ResponseStream.MoveNext();
        });
    }

    // A long of 100 at 1,000 on 25,000 USD, marked down to 850 (AE 10,000 < MM 13,600), until the registry lists it in LIQUIDATE.
    private async Task IntoLiquidation(string perp, string account)
    {
        await grid.ListPerp(perp, "ETH");
        await grid.Mark(perp, 1_000);
        await grid.Fund(account, "USD", 25_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Fill(0, account, "f", account + "-t1", 100, 1_000, perp, Side.Buy));
        }

        await grid.Mark(perp, 850);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var listed = await grid.Admin.ListAccountsAsync(new ListAccountsRequest { States = { AccountState.Liquidate }, PageSize = 1_000 });
            if (listed.Accounts.Any(a => a.AccountId == account))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{account} never listed in LIQUIDATE");
            await Task.Delay(50);
        }
    }

    private static async Task<RiskEvent> Next(IAsyncStreamReader<RiskEvent> events, Func<RiskEvent, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await events.MoveNext(timeout.Token))
        {
            if (match(events.Current))
            {
                return events.Current;
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }
}

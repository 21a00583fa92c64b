using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>accounts.proto against a real host: each documented error of each Accounts RPC is produced here.</summary>
[Collection(ContractHost.Name)]
public sealed class AccountsContractTests(ContractHostFixture grid)
{
    [Fact]
    public async Task UnknownAccounts_AreNotFound_OnEveryCallButDeposit()
    {
        const string nobody = "ac-nobody";
        var calls = new Func<Task<(StatusCode, ErrorDetail)>>[]
        {
            () => ContractHostFixture.Failure(grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = nobody })),
            () => ContractHostFixture.Failure(grid.Accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = nobody, InstrumentId = "BTC-PERP", Side = Side.Buy })),
            () => ContractHostFixture.Failure(grid.Accounts.WhatIfAsync(new WhatIfRequest { AccountId = nobody, Orders = { new WhatIfOrder { InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = Dec(1), Price = Dec(60_000) } } })),
            () => ContractHostFixture.Failure(grid.Accounts.CompareRegimesAsync(new CompareRegimesRequest { AccountId = nobody })),
            () => ContractHostFixture.Failure(grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = nobody })),
            () => ContractHostFixture.Failure(grid.Accounts.WithdrawAsync(new WithdrawRequest { AccountId = nobody, Asset = "USD", Amount = Dec(1), RequestId = "w" })),
            () => ContractHostFixture.Failure(grid.Accounts.ApplyFundingAsync(new ApplyFundingRequest { AccountId = nobody, FundingId = "f", InstrumentId = "BTC-PERP", Accrue = Dec(1) })),
        };

        foreach (var call in calls)
        {
            var (status, detail) = await call();
            Assert.Equal((StatusCode.NotFound, ErrorCode.UnknownAccount, "account_id"), (status, detail.Code, detail.Field));
        }

        using var watch = grid.Accounts.Watch(new WatchAccountRequest { AccountId = nobody });
        var e = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task GetMaxOrderSize_DocumentedErrors_AndTheSizeIsWhatACheckAccepts()
    {
        await grid.Fund("ac-max", 1_000_000);
        var option = (await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "demo-mm" })).Positions.First(p => p.InstrumentId.EndsWith("-C", StringComparison.Ordinal)).InstrumentId;

        var unknown = await ContractHostFixture.Failure(grid.Accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = "ac-max", InstrumentId = "NOPE-PERP", Side = Side.Buy, Price = Dec(1) }));
        var side = await ContractHostFixture.Failure(grid.Accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = "ac-max", InstrumentId = "BTC-PERP" }));
        var price = await ContractHostFixture.Failure(grid.Accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = "ac-max", InstrumentId = "BTC-PERP", Side = Side.Buy, Price = Dec(-1) }));
        var noMark = await ContractHostFixture.Failure(grid.Accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = "ac-max", InstrumentId = option, Side = Side.Buy }));

        Assert.Equal((StatusCode.NotFound, ErrorCode.UnknownInstrument), (unknown.Status, unknown.Detail.Code));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "side"), (side.Status, side.Detail.Code, side.Detail.Field));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "price"), (price.Status, price.Detail.Code, price.Detail.Field));
        Assert.Equal((StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition), (noMark.Status, noMark.Detail.Code));

        // Outside the band the answer is 0; inside, the max passes a check and 2e-6 more does not.
        Assert.Equal(0m, Num((await grid.Accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = "ac-max", InstrumentId = "BTC-PERP", Side = Side.Buy, Price = Dec(70_000) })).Qty));
        var max = Num((await grid.Accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = "ac-max", InstrumentId = "BTC-PERP", Side = Side.Buy, Price = Dec(60_100) })).Qty);
        var over = await grid.PreTrade.CheckAsync(new CheckOrderRequest { Order = Check(0, "ac-max", "over", "BTC-PERP", Side.Buy, max + 0.000002m, 60_100).Check });
        var at = await grid.PreTrade.CheckAsync(new CheckOrderRequest { Order = Check(0, "ac-max", "at", "BTC-PERP", Side.Buy, max, 60_100).Check });
        Assert.Equal(Decision.Reject, over.Decision);
        Assert.Equal(Decision.Accept, at.Decision);
    }

    [Fact]
    public async Task WhatIf_DocumentedErrors()
    {
        await grid.Fund("ac-whatif", 1_000);
        var none = await ContractHostFixture.Failure(grid.Accounts.WhatIfAsync(new WhatIfRequest { AccountId = "ac-whatif" }));
        var many = new WhatIfRequest { AccountId = "ac-whatif" };
        many.Orders.Add(Enumerable.Range(0, 101).Select(_ => new WhatIfOrder { InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = Dec(1), Price = Dec(60_000) }));
        var tooMany = await ContractHostFixture.Failure(grid.Accounts.WhatIfAsync(many));
        var longId = await ContractHostFixture.Failure(grid.Accounts.WhatIfAsync(new WhatIfRequest { AccountId = "ac-whatif", Orders = { new WhatIfOrder { ClientOrderId = new string('x', 200), InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = Dec(1), Price = Dec(60_000) } } }));

        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "orders"), (none.Status, none.Detail.Code, none.Detail.Field));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "orders"), (tooMany.Status, tooMany.Detail.Code, tooMany.Detail.Field));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "orders[0].client_order_id"), (longId.Status, longId.Detail.Code, longId.Detail.Field));
    }

    [Fact]
    public async Task Deposit_DocumentedErrors_AndIdempotency()
    {
        var trader = new Accounts.AccountsClient(grid.Host.ChannelAs(TestKeys.Trader));
        async Task<(StatusCode, ErrorCode, string)> Refused(DepositRequest request)
        {
            var (status, detail) = await ContractHostFixture.Failure(grid.Accounts.DepositAsync(request));
            return (status, detail.Code, detail.Field);
        }

        var first = await grid.Accounts.DepositAsync(Deposit("d1", "USD", 100));
        var again = await grid.Accounts.DepositAsync(Deposit("d1", "USD", 100.000m));

        Assert.Equal(100m, Num(first.Equity));
        Assert.Equal(100m, Num(again.Equity));
        Assert.Equal((StatusCode.AlreadyExists, ErrorCode.IdempotencyConflict, "request_id"), await Refused(Deposit("d1", "USD", 200)));
        Assert.Equal((StatusCode.NotFound, ErrorCode.UnknownAsset, "asset"), await Refused(Deposit("d2", "DOGE", 1)));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "amount"), await Refused(Deposit("d3", "USD", 0)));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "amount"), await Refused(Deposit("d4", "USD", 999_999_999_999_999m)));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.Malformed, "request_id"), await Refused(Deposit("", "USD", 1)));
        var denied = await Assert.ThrowsAsync<RpcException>(() => trader.DepositAsync(Deposit("d5", "USD", 1)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(100m, Num((await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "ac-deposit" })).Equity));
    }

    [Fact]
    public async Task Withdraw_DocumentedErrors_ReplaysAndRefusals()
    {
        await grid.Fund("ac-withdraw", 1_000);
        var ok = await grid.Accounts.WithdrawAsync(Withdraw("w1", 100));
        var replay = await grid.Accounts.WithdrawAsync(Withdraw("w1", 100));
        var refused = await grid.Accounts.WithdrawAsync(Withdraw("w2", 5_000));
        var conflict = await ContractHostFixture.Failure(grid.Accounts.WithdrawAsync(Withdraw("w1", 200)));
        var depositId = await ContractHostFixture.Failure(grid.Accounts.WithdrawAsync(Withdraw("fund-ac-withdraw", 1)));
        var amount = await ContractHostFixture.Failure(grid.Accounts.WithdrawAsync(Withdraw("w3", 0)));
        var doge = Withdraw("w4", 1);
        doge.Asset = "DOGE";
        var unknownAsset = await grid.Accounts.WithdrawAsync(doge);
        await grid.Admin.FreezeAccountAsync(new FreezeAccountRequest { AccountId = "ac-withdraw", Reason = "contract test" });
        var frozen = await grid.Accounts.WithdrawAsync(Withdraw("w5", 1));

        Assert.True(ok.Accepted && !ok.Replayed);
        Assert.True(replay.Accepted && replay.Replayed);
        Assert.Equal((false, RejectReason.WithdrawalExceedsAvailable), (refused.Accepted, refused.RejectReason));
        Assert.True(Num(refused.Shortfall) > 0);
        Assert.Equal((StatusCode.AlreadyExists, ErrorCode.IdempotencyConflict), (conflict.Status, conflict.Detail.Code));
        Assert.Equal((StatusCode.AlreadyExists, ErrorCode.IdempotencyConflict), (depositId.Status, depositId.Detail.Code));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "amount"), (amount.Status, amount.Detail.Code, amount.Detail.Field));
        Assert.Equal(RejectReason.UnknownAsset, unknownAsset.RejectReason);
        Assert.Equal(RejectReason.AccountFrozen, frozen.RejectReason);
        Assert.Equal(900m, Num(frozen.BuyingPower.Equity));
    }

    [Fact]
    public async Task ApplyFunding_DocumentedErrors_AccrueAndSettle()
    {
        await grid.Fund("ac-funding", 100_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Fill(0, "ac-funding", "f", "t1", 1, 3_000, "ETH-PERP", Side.Buy));
        }

        var accrued = await grid.Accounts.ApplyFundingAsync(Funding("op-1", "ETH-PERP", 7.25m, settle: false));
        var replay = await grid.Accounts.ApplyFundingAsync(Funding("op-1", "ETH-PERP", 7.25m, settle: false));
        var settled = await grid.Accounts.ApplyFundingAsync(Funding("op-2", "ETH-PERP", 0, settle: true));
        var conflict = await ContractHostFixture.Failure(grid.Accounts.ApplyFundingAsync(Funding("op-1", "ETH-PERP", 1, settle: false)));
        var noPosition = await ContractHostFixture.Failure(grid.Accounts.ApplyFundingAsync(Funding("op-3", "BTC-PERP", 1, settle: false)));
        var unknown = await ContractHostFixture.Failure(grid.Accounts.ApplyFundingAsync(Funding("op-4", "NOPE-PERP", 1, settle: false)));
        var spot = await ContractHostFixture.Failure(grid.Accounts.ApplyFundingAsync(Funding("op-5", "BTC-USDT", 1, settle: false)));
        var huge = await ContractHostFixture.Failure(grid.Accounts.ApplyFundingAsync(Funding("op-6", "ETH-PERP", 2_000_000_000_000_000m, settle: false)));
        var malformed = await ContractHostFixture.Failure(grid.Accounts.ApplyFundingAsync(Funding("", "ETH-PERP", 1, settle: false)));
        var denied = await Assert.ThrowsAsync<RpcException>(() => new Accounts.AccountsClient(grid.Host.ChannelAs(TestKeys.Engine)).ApplyFundingAsync(Funding("op-7", "ETH-PERP", 1, settle: false)).ResponseAsync);

        Assert.Equal(7.25m, Num(accrued.Position.Funding));
        Assert.True(replay.Replayed);
        Assert.Equal(0m, Num(settled.Position.Funding));
        Assert.Equal(7.25m, Num(settled.BuyingPower.Collateral.Single(c => c.Asset == "USDT").Balance));
        Assert.Equal((StatusCode.AlreadyExists, ErrorCode.IdempotencyConflict), (conflict.Status, conflict.Detail.Code));
        Assert.Equal((StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition, "instrument_id"), (noPosition.Status, noPosition.Detail.Code, noPosition.Detail.Field));
        Assert.Equal((StatusCode.NotFound, ErrorCode.UnknownInstrument), (unknown.Status, unknown.Detail.Code));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "instrument_id"), (spot.Status, spot.Detail.Code, spot.Detail.Field));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "accrue"), (huge.Status, huge.Detail.Code, huge.Detail.Field));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.Malformed, "funding_id"), (malformed.Status, malformed.Detail.Code, malformed.Detail.Field));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    private static DepositRequest Deposit(string id, string asset, decimal amount) => new() { AccountId = "ac-deposit", Asset = asset, Amount = Dec(amount), RequestId = id };

    private static WithdrawRequest Withdraw(string id, decimal amount) => new() { AccountId = "ac-withdraw", Asset = "USD", Amount = Dec(amount), RequestId = id };

    private static ApplyFundingRequest Funding(string id, string instrument, decimal accrue, bool settle)
        => new() { AccountId = "ac-funding", FundingId = id, InstrumentId = instrument, Accrue = Dec(accrue), Settle = settle };
}

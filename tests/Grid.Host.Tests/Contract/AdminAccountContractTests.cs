using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>admin.proto's account controls and the ops list: each documented error produced, every field served.</summary>
[Collection(GridHost.Name)]
public sealed class AdminAccountContractTests(GridHostFixture grid)
{
    [Fact]
    public async Task ControlsOfAnUnknownAccount_AreNotFound()
    {
        const string nobody = "e2e-adm-nobody";
        await Errors.Expect(StatusCode.NotFound, ErrorCode.UnknownAccount, "account_id",
            () => grid.Admin.FreezeAccountAsync(new FreezeAccountRequest { AccountId = nobody, Reason = "drill" }).ResponseAsync);
        await Errors.Expect(StatusCode.NotFound, ErrorCode.UnknownAccount, "account_id",
            () => grid.Admin.UnfreezeAccountAsync(new UnfreezeAccountRequest { AccountId = nobody, Reason = "drill" }).ResponseAsync);
        await Errors.Expect(StatusCode.NotFound, ErrorCode.UnknownAccount, "account_id",
            () => grid.Admin.SetAccountRegimeAsync(new SetAccountRegimeRequest { AccountId = nobody, Regime = MarginRegime.Std, Reason = "drill" }).ResponseAsync);
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "reason",
            () => grid.Admin.FreezeAccountAsync(new FreezeAccountRequest { AccountId = "demo-trader" }).ResponseAsync);
    }

    [Fact]
    public async Task SetAccountRegime_IntoMarginCall_NeedsForce_AndReportsTheStatus()
    {
        const string account = "e2e-adm-regime";
        await grid.Fund(account, "USD", 50_000);
        var std = await grid.Admin.SetAccountRegimeAsync(new SetAccountRegimeRequest { AccountId = account, Regime = MarginRegime.Std, Reason = "e2e" });
        Assert.Equal((account, MarginRegime.Std, AccountState.Ok, false, ""), (std.AccountId, std.Regime, std.State, std.Frozen, std.FrozenReason));
        Assert.NotNull(std.UpdatedAt);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Fill(0, account, "r1", "r1", 10, 60_000, "BTC-PERP", Side.Buy));
        }

        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "regime",
            () => grid.Admin.SetAccountRegimeAsync(new SetAccountRegimeRequest { AccountId = account, Reason = "e2e" }).ResponseAsync);
        await Errors.Expect(StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition, "regime",
            () => grid.Admin.SetAccountRegimeAsync(new SetAccountRegimeRequest { AccountId = account, Regime = MarginRegime.Pm, Reason = "e2e" }).ResponseAsync);
        var forced = await grid.Admin.SetAccountRegimeAsync(new SetAccountRegimeRequest { AccountId = account, Regime = MarginRegime.Pm, Reason = "e2e", Force = true });
        Assert.Equal(MarginRegime.Pm, forced.Regime);
        Assert.NotEqual(AccountState.Ok, forced.State);

        var frozen = await grid.Admin.FreezeAccountAsync(new FreezeAccountRequest { AccountId = account, Reason = "e2e freeze" });
        Assert.Equal((true, "e2e freeze"), (frozen.Frozen, frozen.FrozenReason));
        await grid.Admin.UnfreezeAccountAsync(new UnfreezeAccountRequest { AccountId = account, Reason = "e2e" });
    }

    [Fact]
    public async Task ListAccounts_DocumentedErrors_OrdersAndExpiry()
    {
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "page_token", () => List(new ListAccountsRequest { PageToken = "%%%" }));
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "states[0]", () => List(new ListAccountsRequest { States = { (AccountState)42 } }));
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "order", () => List(new ListAccountsRequest { Order = (AccountOrder)42 }));

        var byId = new List<string>();
        var request = new ListAccountsRequest { PageSize = 2, Order = AccountOrder.AccountId };
        do
        {
            var page = await List(request);
            byId.AddRange(page.Accounts.Select(a => a.AccountId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Contains("demo-margin-call", byId);
        Assert.Equal(byId.Order(StringComparer.Ordinal), byId);
        Assert.Equal(byId.Count, byId.Distinct().Count());

        var nearest = await List(new ListAccountsRequest { Order = AccountOrder.NearestLiquidation, PageSize = 5000 });
        var call = nearest.Accounts.Single(a => a.AccountId == "demo-margin-call");
        Assert.Equal((AccountState.ReduceOnly, MarginRegime.Pm), (call.State, call.Regime));
        Assert.True(Num(call.Equity) > 0 && Num(call.InitialMargin) > 0 && Num(call.MaintenanceMargin) > 0 && Num(call.Health) > 0 && Num(call.MarginRatio) > 0);
        Assert.True(nearest.Accounts.TakeWhile(a => a.AccountId != "demo-margin-call").All(a => a.State >= AccountState.ReduceOnly));

        // A listing's ranking is kept while 32 newer listings are not: the oldest token has then expired.
        var first = await List(new ListAccountsRequest { PageSize = 1 });
        Assert.NotEmpty(first.NextPageToken);
        for (var i = 0; i < 32; i++)
        {
            await List(new ListAccountsRequest { PageSize = 1 });
        }

        await Errors.Expect(StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition, "page_token", () => List(new ListAccountsRequest { PageSize = 1, PageToken = first.NextPageToken }));
    }

    private Task<ListAccountsResponse> List(ListAccountsRequest request) => grid.Admin.ListAccountsAsync(request).ResponseAsync;
}

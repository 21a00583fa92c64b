using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests;

/// <summary>
/// The audit trail records exactly the decisions the engines were sent and every operator action with
/// its caller; Admin.VerifyAccount finds the live book equal to a full recompute.
/// </summary>
[Collection(GridHost.Name)]
public sealed class AuditTrailEndToEndTests(GridHostFixture grid)
{
    [Fact]
    public async Task AuditLog_ContainsExactlyTheDecisionsMade()
    {
        await grid.Fund("aud-1", "USD", 100_000);
        await grid.Fund("aud-2", "USD", 100_000);
        await grid.Fund("aud-poor", "USD", 1_000);
        EngineMessage[] messages =
        [
            Check(1, "aud-1", "a1", "BTC-PERP", Side.Buy, 0.1m, 60_000),
            Check(2, "aud-poor", "p1", "BTC-PERP", Side.Buy, 10, 60_000),
            Check(3, "aud-1", "a2", "BTC-PERP", Side.Buy, 0.1m, 30_000),
            Check(4, "aud-2", "b1", "NOPE-PERP", Side.Buy, 1, 100),
            Fill(5, "aud-1", "a1", "aud-t1", 0.1m, 60_000),
            Check(6, "aud-2", "b2", "ETH-PERP", Side.Sell, 1, 3_000),
            new EngineMessage { CorrelationId = 7, Amended = new OrderAmended { AccountId = "aud-2", ClientOrderId = "b2", Qty = Dec(2), Price = Dec(3_000) } },
            Cancel(8, "aud-2", "b2"),
            Check(9, "aud-1", "a1", "BTC-PERP", Side.Buy, 0.1m, 60_000),
            Check(10, "aud-2", "b3", "ETH-PERP", Side.Sell, 0, 3_000),
            new EngineMessage { CorrelationId = 11, Heartbeat = new Heartbeat() },
        ];
        var replies = new List<GridMessage>();
        await using (var engine = grid.Stream())
        {
            foreach (var message in messages)
            {
                replies.Add(await engine.Send(message));
            }
        }

        var unary = await grid.PreTrade.CheckAsync(new CheckOrderRequest { Order = Check(0, "aud-2", "b4", "ETH-PERP", Side.Buy, 1, 3_000).Check });

        var made = replies.Where(r => r.BodyCase == GridMessage.BodyOneofCase.Decision).Select(r => r.Decision).Append(unary)
            .Select(d => (d.AccountId, d.ClientOrderId, d.Decision, d.RejectReason)).ToList();
        // Seven checks (one a replay), one amendment and the single check are decisions, a zero quantity
        // being rejected too; the fill, the cancel and the heartbeat are not.
        Assert.Equal(9, made.Count);
        Assert.Contains(made, d => d.Decision == Decision.Reject && d.RejectReason == RejectReason.InsufficientMargin);
        Assert.Contains(made, d => d.ClientOrderId == "b3" && d.Decision == Decision.Reject);

        string[] accounts = ["aud-1", "aud-2", "aud-poor"];
        var recorded = (await Decisions()).Where(r => accounts.Contains(r.AccountId)).ToList();
        foreach (var account in accounts)
        {
            Assert.Equal(
                made.Where(d => d.AccountId == account),
                recorded.Where(r => r.AccountId == account).Select(r => (r.AccountId, r.ClientOrderId, r.Decision, r.RejectReason)));
        }

        Assert.Equal(made.Count, recorded.Count);
        Assert.All(recorded, r => Assert.Equal("test-engine", r.Caller));
        Assert.Equal(8, recorded.Count(r => r.Action == "/grid.v1.PreTrade/Stream"));
        var single = Assert.Single(recorded, r => r.Action == "/grid.v1.PreTrade/Check");
        Assert.Contains("\"b4\"", single.InputsJson);
        Assert.Contains("\"initialMarginAfter\"", single.OutcomeJson);
    }

    [Fact]
    public async Task OperatorActions_AreAudited_WithCallerInputsAndOutcome_RefusalsToo()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        await grid.Fund("aud-ops", "USD", 5_000);
        await grid.Admin.FreezeAccountAsync(new FreezeAccountRequest { AccountId = "aud-ops", Reason = "audit test freeze" });
        await grid.Admin.UnfreezeAccountAsync(new UnfreezeAccountRequest { AccountId = "aud-ops", Reason = "audit test unfreeze" });
        var byEngine = await Assert.ThrowsAsync<RpcException>(() => new Admin.AdminClient(grid.Host.Engine)
            .FreezeAccountAsync(new FreezeAccountRequest { AccountId = "aud-ops", Reason = "not mine to freeze" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, byEngine.StatusCode);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => new Admin.AdminClient(grid.Host.ChannelAs(null))
            .FreezeAccountAsync(new FreezeAccountRequest { AccountId = "aud-ops", Reason = "who am I" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var badRulebook = await Assert.ThrowsAsync<RpcException>(() => grid.Admin.LoadRulebookAsync(new LoadRulebookRequest { Json = "{ not json", DryRun = true }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badRulebook.StatusCode);

        var ops = await Query(new QueryAuditRequest { AccountId = "aud-ops", Kind = AuditKind.Admin });
        Assert.Equal(
            [
                ("/grid.v1.Accounts/Deposit", "test-admin", "OK"),
                ("/grid.v1.Admin/FreezeAccount", "test-admin", "OK"),
                ("/grid.v1.Admin/UnfreezeAccount", "test-admin", "OK"),
                ("/grid.v1.Admin/FreezeAccount", "test-engine", "PERMISSION_DENIED"),
            ],
            ops.Select(r => (r.Action, r.Caller, r.Status)));
        Assert.Contains("audit test freeze", ops[1].InputsJson);
        Assert.Contains("\"frozen\": true", ops[1].OutcomeJson);

        var rulebooks = await Query(new QueryAuditRequest { Action = "/grid.v1.Admin/LoadRulebook", Since = Time(since) });
        var refused = Assert.Single(rulebooks, r => r.InputsJson.Contains("{ not json", StringComparison.Ordinal));
        Assert.Equal(("test-admin", "INVALID_ARGUMENT", "", AuditKind.Admin), (refused.Caller, refused.Status, refused.OutcomeJson, refused.Kind));
    }

    [Fact]
    public async Task QueryAudit_RefusesBadFilters_WithTheFieldNamed()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => grid.Admin.QueryAuditAsync(new QueryAuditRequest { PageToken = "%%%" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("page_token", e.Status.Detail);
        var kind = await Assert.ThrowsAsync<RpcException>(() => grid.Admin.QueryAuditAsync(new QueryAuditRequest { Kind = (AuditKind)42 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, kind.StatusCode);
    }

    [Fact]
    public async Task VerifyAccount_AfterTrading_LiveBookEqualsFullRecompute()
    {
        await grid.Fund("aud-verify", "USD", 500_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Check(1, "aud-verify", "v1", "BTC-PERP", Side.Buy, 1, 60_000));
            await engine.Send(Fill(2, "aud-verify", "v1", "aud-v-t1", 0.5m, 60_000));
            await engine.Send(Check(3, "aud-verify", "v2", "ETH-PERP", Side.Sell, 20, 3_050));
        }

        var verification = await grid.Admin.VerifyAccountAsync(new VerifyAccountRequest { AccountId = "aud-verify" });

        Assert.True(verification.Consistent, string.Join("; ", verification.Problems));
        Assert.True(verification.Priced);
        Assert.True(Num(verification.InitialMargin) > 0);
        Assert.Equal(Num(verification.InitialMargin), Num(verification.InitialMarginRecomputed));
        Assert.Equal(Num(verification.Equity), Num(verification.EquityRecomputed));
        Assert.NotEqual(0UL, verification.StateHash);
        Assert.Equal(verification.StateHash, (await grid.Admin.VerifyAccountAsync(new VerifyAccountRequest { AccountId = "aud-verify" })).StateHash);
        var empty = await Assert.ThrowsAsync<RpcException>(() => grid.Admin.VerifyAccountAsync(new VerifyAccountRequest()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
    }

    private async Task<List<AuditRecord>> Decisions() => await Query(new QueryAuditRequest { Kind = AuditKind.Decision, PageSize = 7 });

    private async Task<List<AuditRecord>> Query(QueryAuditRequest request)
    {
        var records = new List<AuditRecord>();
        QueryAuditResponse page;
        do
        {
            page = await grid.Admin.QueryAuditAsync(request);
            Assert.Equal(0UL, page.Dropped);
            records.AddRange(page.Records);
            request.PageToken = page.NextPageToken;
        }
        while (!page.End);

        return records;
    }
}

using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Cli.Commands;
using static Grid.Cli.Tests.Figures;

namespace Grid.Cli.Tests;

/// <summary>Operator commands: account controls, halts, listings and the rulebook.</summary>
public sealed class AdminCommandTests
{
    private static AccountStatus Status(string account, bool frozen = false, string reason = "") =>
        new() { AccountId = account, State = AccountState.Ok, Regime = MarginRegime.Pm, Frozen = frozen, FrozenReason = reason };

    [Fact]
    public async Task Freeze_SendsReasonAndCancelFlag()
    {
        var run = new CliRun();
        run.Grid.OnUnary<FreezeAccountRequest, AccountStatus>("Admin", "FreezeAccount", r => Status(r.AccountId, true, r.Reason));

        var result = await run.RunAsync("freeze", "alice", "--reason", "suspicious flow", "--cancel-orders");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal(new FreezeAccountRequest { AccountId = "alice", Reason = "suspicious flow", CancelRestingOrders = true }, run.Grid.Single<FreezeAccountRequest>());
        Assert.Matches(@"\nfrozen +yes: suspicious flow\n", result.Output);
    }

    [Fact]
    public async Task Freeze_WithoutReason_SendsTheDefault()
    {
        var run = new CliRun();
        run.Grid.OnUnary<FreezeAccountRequest, AccountStatus>("Admin", "FreezeAccount", r => Status(r.AccountId, true, r.Reason));

        await run.RunAsync("freeze", "alice");

        Assert.Equal(OperatorReason.Default, run.Grid.Single<FreezeAccountRequest>().Reason);
        Assert.False(run.Grid.Single<FreezeAccountRequest>().CancelRestingOrders);
    }

    [Fact]
    public async Task Unfreeze_SendsTheAccount()
    {
        var run = new CliRun();
        run.Grid.OnUnary<UnfreezeAccountRequest, AccountStatus>("Admin", "UnfreezeAccount", r => Status(r.AccountId));

        var result = await run.RunAsync("unfreeze", "alice", "--reason", "cleared");

        Assert.Equal(new UnfreezeAccountRequest { AccountId = "alice", Reason = "cleared" }, run.Grid.Single<UnfreezeAccountRequest>());
        Assert.Matches(@"\nfrozen +no\n", result.Output);
    }

    [Theory]
    [InlineData("pm", MarginRegime.Pm)]
    [InlineData("std", MarginRegime.Std)]
    [InlineData("STD", MarginRegime.Std)]
    public async Task Regime_SendsTheRegime(string text, MarginRegime expected)
    {
        var run = new CliRun();
        run.Grid.OnUnary<SetAccountRegimeRequest, AccountStatus>("Admin", "SetAccountRegime", r => Status(r.AccountId));

        await run.RunAsync("regime", "alice", text, "--force");

        var request = run.Grid.Single<SetAccountRegimeRequest>();
        Assert.Equal(expected, request.Regime);
        Assert.True(request.Force);
    }

    [Fact]
    public async Task HaltAndResume_SendTheInstrumentAndReason()
    {
        var run = new CliRun();
        run.Grid.OnUnary<HaltInstrumentRequest, InstrumentInfo>("Admin", "HaltInstrument", r => new InstrumentInfo { Spec = new InstrumentSpec { Id = r.InstrumentId }, Halted = true, HaltReason = r.Reason });
        run.Grid.OnUnary<ResumeInstrumentRequest, InstrumentInfo>("Admin", "ResumeInstrument", r => new InstrumentInfo { Spec = new InstrumentSpec { Id = r.InstrumentId }, Mark = D("3000") });

        var halted = await run.RunAsync("halt", "ETH-PERP", "--reason", "oracle outage");
        var resumed = await run.RunAsync("resume", "ETH-PERP");

        Assert.Equal("ETH-PERP: halted (oracle outage), mark -, price age -\n", halted.Output);
        Assert.Equal("ETH-PERP: trading, mark 3000, price age -\n", resumed.Output);
        Assert.Equal(OperatorReason.Default, ((ResumeInstrumentRequest)run.Grid.Calls[1].Request).Reason);
    }

    [Fact]
    public async Task Instruments_ReadsEveryPageWithFilters()
    {
        var run = new CliRun();
        run.Grid.OnUnary<ListInstrumentsRequest, ListInstrumentsResponse>("Admin", "ListInstruments", r => r.PageToken == ""
            ? new ListInstrumentsResponse { Instruments = { Info("BTC-PERP", "61000", 2.5, false) }, NextPageToken = "p2" }
            : new ListInstrumentsResponse { Instruments = { Info("BTC-USDT", null, null, true) } });

        var result = await run.RunAsync("instruments", "--group", "BTC", "--kind", "linear-perp,spot");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal(2, run.Grid.Calls.Count);
        var first = (ListInstrumentsRequest)run.Grid.Calls[0].Request;
        Assert.Equal(["BTC"], first.Groups);
        Assert.Equal([InstrumentKind.LinearPerp, InstrumentKind.Spot], first.Kinds);
        Assert.Equal(
            "id        kind         group   mark  price age  halted\n" +
            "BTC-PERP  LINEAR_PERP  BTC    61000       2.5s  no\n" +
            "BTC-USDT  SPOT         BTC        -          -  yes: maintenance\n",
            result.Output);
    }

    [Fact]
    public async Task Accounts_NearestLiquidationFirstWithStatesAndLimit()
    {
        var run = new CliRun();
        run.Grid.OnUnary<ListAccountsRequest, ListAccountsResponse>("Admin", "ListAccounts", _ => new ListAccountsResponse
        {
            Accounts =
            {
                new AccountSummary { AccountId = "demo-margin-call", State = AccountState.ReduceOnly, Regime = MarginRegime.Pm, Equity = D("85000"), MarginRatio = D("0.7") },
                new AccountSummary { AccountId = "demo-mm", State = AccountState.Ok, Regime = MarginRegime.Pm },
            },
            NextPageToken = "more",
        });

        var result = await run.RunAsync("accounts", "--state", "reduce-only,liquidate", "--limit", "1");

        var request = run.Grid.Single<ListAccountsRequest>();
        Assert.Equal(AccountOrder.NearestLiquidation, request.Order);
        Assert.Equal([AccountState.ReduceOnly, AccountState.Liquidate], request.States);
        Assert.Equal(1U, request.PageSize);
        Assert.Contains("demo-margin-call  REDUCE_ONLY  PM      85,000.00", result.Output);
        Assert.DoesNotContain("demo-mm", result.Output);
        Assert.EndsWith("(more accounts: raise --limit above 1)\n", result.Output);
    }

    [Fact]
    public async Task RulebookShow_PrintsSummaryOrWithJsonTheDocument()
    {
        var run = new CliRun();
        run.Grid.OnUnary<GetRulebookRequest, GetRulebookResponse>("Admin", "GetRulebook", _ => new GetRulebookResponse
        {
            Info = new RulebookInfo { Version = "2026-11-25.1", LoadedAt = Timestamp.FromDateTimeOffset(CliRun.Now), Groups = { "BTC", "ETH" }, Assets = { "USD" } },
            Json = "{\"version\":\"2026-11-25.1\"}",
        });

        var table = await run.RunAsync("rulebook", "show");
        var json = await run.RunAsync("rulebook", "show", "--json");

        Assert.Equal(
            "version                2026-11-25.1\n" +
            "loaded at  2026-11-25T08:00:00.000Z\n" +
            "groups                     BTC, ETH\n" +
            "assets                          USD\n",
            table.Output);
        Assert.Equal("{\"version\":\"2026-11-25.1\"}\n", json.Output);
    }

    [Fact]
    public async Task RulebookLoad_SendsTheFileAndDryRun()
    {
        var run = new CliRun();
        run.Grid.OnUnary<LoadRulebookRequest, RulebookInfo>("Admin", "LoadRulebook", _ => new RulebookInfo { Version = "2026-11-26.1" });
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "{\"version\":\"2026-11-26.1\"}");
        try
        {
            var result = await run.RunAsync("rulebook", "load", path, "--dry-run");

            Assert.Equal(ExitCode.Ok, result.ExitCode);
            Assert.Equal(new LoadRulebookRequest { Json = "{\"version\":\"2026-11-26.1\"}", DryRun = true }, run.Grid.Single<LoadRulebookRequest>());
            Assert.StartsWith("valid: rulebook 2026-11-26.1 (dry run, nothing changed)\n", result.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static InstrumentInfo Info(string id, string? mark, double? ageSeconds, bool halted) => new()
    {
        Spec = new InstrumentSpec { Id = id, Kind = id.EndsWith("PERP", StringComparison.Ordinal) ? InstrumentKind.LinearPerp : InstrumentKind.Spot, Group = "BTC" },
        Mark = mark is null ? null : D(mark),
        PriceAge = ageSeconds is null ? null : Duration.FromTimeSpan(TimeSpan.FromSeconds(ageSeconds.Value)),
        Halted = halted,
        HaltReason = halted ? "maintenance" : "",
    };
}

using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Grid.Api.V1;
using Grid.Host.Tests.Contract;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.House;

/// <summary>
/// admin.proto's house calls and LoadRulebook's impact and guard, over the wire: every documented error
/// produced, every field of HouseRiskRun, RulebookInfo (impact), CreditDependency, the house event and
/// the report lines set in some answer; the coverage ratio on /metrics; a forced load audited with its impact.
/// </summary>
[Collection(HouseHost.Name)]
public sealed class HouseContractTests(HouseHostFixture house)
{
    private const decimal Fund = 50_000_000;
    private readonly FieldCoverage _coverage = new();

    [Fact]
    public void GetHouseRisk_BeforeTheFirstRun_IsAFailedPreconditionNamingTheHouse()
    {
        var e = house.BeforeAnyRun;
        Assert.NotNull(e);
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        var detail = e.GetRpcStatus()!.GetDetail<ErrorDetail>()!;
        Assert.Equal((ErrorCode.FailedPrecondition, "house"), (detail.Code, detail.Field));
    }

    [Fact]
    public async Task TheHouse_ServesEveryDocumentedErrorAndField()
    {
        await Whale("house-whale-1");
        await Whale("house-whale-2");
        await OkOnlyThanksToCredits("house-hedged");
        await house.Deposit("house-coins", "BTC", 3);
        await house.Deposit("house-qqq", "QQQ", 100);
        using var events = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var subscription = new RiskEvents.RiskEventsClient(house.Host.Channel).Subscribe(new SubscribeRiskEventsRequest { IncludeHouse = true }, cancellationToken: events.Token);
        await subscription.ResponseHeadersAsync;

        // Two whales whose crypto-crash deficits exceed the fund: not covered, a house event, the ratio on /metrics.
        var run = Observe(await house.Admin.RunHouseRiskAsync(new RunHouseRiskRequest()));
        var crash = run.Scenarios.Single(s => s.Scenario == "crypto crash");
        Assert.False(crash.Covered);
        Assert.True(Num(crash.Cover2) > Fund && Num(crash.CoverageRatio) < 1, $"Cover-2 {Num(crash.Cover2)}");
        Assert.Equal(["house-whale-1", "house-whale-2"], crash.TopAccounts.Take(2).Select(a => a.AccountId).Order());
        Assert.Equal("crypto crash", run.WorstScenario);
        Assert.Equal(run, await house.Admin.GetHouseRiskAsync(new GetHouseRiskRequest()));
        Assert.True(run.Dependency.AccountsLeavingOk >= 1 && Num(run.Dependency.CalledMargin) > 0);
        var alert = await HouseEvent(subscription.ResponseStream, events.Token);
        Assert.Equal(("", "house coverage", AccountState.Unspecified), (alert.AccountId, alert.Cause, alert.State));
        var crashed = alert.House.Scenarios.Single(s => s.Scenario == "crypto crash");
        Assert.Equal((false, true), (crashed.Covered, crashed.WasCovered));
        Observe(alert.House);
        Assert.True(await MetricRatio("crypto crash") < 1);

        var hedged = await house.Accounts.CompareRegimesAsync(new CompareRegimesRequest { AccountId = "house-hedged" });
        Assert.Equal(AccountState.Ok, hedged.Dependency.State);
        Assert.NotEqual(AccountState.Ok, hedged.Dependency.StateWithoutCredits);
        Observe(hedged.Dependency);

        await TheGuard();
        await foreach (var line in house.Admin.StreamSupervisoryReport(new StreamSupervisoryReportRequest()).ResponseStream.ReadAllAsync())
        {
            Observe(line);
        }

        var expected = FieldCoverage.Fields(HouseRiskRun.Descriptor, RulebookInfo.Descriptor, CreditDependency.Descriptor, HouseCoverage.Descriptor, SupervisoryReportLine.Descriptor);
        var missing = _coverage.Missing(expected.Where(f => f != "HouseRiskRun.duplicates"));
        Assert.True(missing.Count == 0, "never set: " + string.Join(", ", missing));
    }

    // A rulebook with a guard, then candidates beyond it: refused naming the figure, forced, audited with their impact.
    private async Task TheGuard()
    {
        var guarded = await Rulebook("house-apc", r => r["apc"] = new JsonObject { ["maxHouseIncrease"] = 0.25, ["maxRangeCut"] = 0.1 });
        var loaded = Observe(await Load(guarded, dryRun: false));
        Assert.Empty(loaded.Impact.Breaches);
        Assert.True(Observe(await Load(guarded, dryRun: false)).Unchanged);

        var cut = await Rulebook("house-cut", r => r["groups"]!["BTC"]!["range"] = 0.08);
        var raise = await Rulebook("house-raise", r => r["groups"]!["BTC"]!["range"] = 0.4);
        foreach (var dryRun in new[] { true, false })
        {
            var refused = await Errors.Expect(StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition, "groups.BTC.range", () => Load(cut, dryRun));
            Assert.Contains("apc.maxRangeCut", refused.Message, StringComparison.Ordinal);
            var rise = await Errors.Expect(StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition, "apc.maxHouseIncrease", () => Load(raise, dryRun));
            Assert.Contains("house positions-only IM would rise", rise.Message, StringComparison.Ordinal);
        }

        var preview = Observe(await Load(cut, dryRun: true, force: true));
        Assert.Equal(("groups.BTC.range", true), (Assert.Single(preview.Impact.Breaches).Figure, preview.Impact.Forced));
        var withoutQqq = await Rulebook("house-no-qqq", r => r["assets"]!.AsObject().Remove("QQQ"));
        Assert.Equal(1, Observe(await Load(withoutQqq, dryRun: true)).Impact.Skipped);

        var forced = Observe(await Load(cut, dryRun: false, force: true));
        Assert.True(forced.Impact.Forced);
        Assert.NotNull(forced.LoadedAt);
        var audit = await house.Admin.QueryAuditAsync(new QueryAuditRequest { Action = "/grid.v1.Admin/LoadRulebook", PageSize = 1000 });
        Assert.Contains(audit.Records, r => r.OutcomeJson.Contains("\"forced\": true", StringComparison.Ordinal) && r.OutcomeJson.Contains("\"breaches\"", StringComparison.Ordinal) && r.InputsJson.Contains("house-cut", StringComparison.Ordinal));
        var afterLoad = await Eventually(async () => await house.Admin.GetHouseRiskAsync(new GetHouseRiskRequest()) is { RulebookVersion: "house-cut" } r ? r : null);
        Assert.Equal(HouseRunTrigger.RulebookLoad, afterLoad.Trigger);

        // A rulebook without an asset an account holds: that account is in no figure, counted as skipped.
        var dropped = await Rulebook("house-cut-no-qqq", r => r["assets"]!.AsObject().Remove("QQQ"));
        Observe(await Load(dropped, dryRun: false, force: true));
        var skipping = Observe(await house.Admin.RunHouseRiskAsync(new RunHouseRiskRequest()));
        Assert.Equal((1L, 1L, 1L), (skipping.Skipped, skipping.Silos.Single().Skipped, skipping.Dependency.Skipped));
    }

    // 60M USD and 3,333 BTC-PERP long at 60,000 (≈ 200M notional): OK now, about −40M after a 50% crash.
    private async Task Whale(string account)
    {
        await house.Deposit(account, "USD", 60_000_000);
        await using var engine = house.Stream();
        await engine.Send(Fill(0, account, "w", "t1", 3_333, 60_000, "BTC-PERP", Side.Buy));
    }

    // A BTC/ETH hedge funded between its IM with credits and its IM without them.
    private async Task OkOnlyThanksToCredits(string account)
    {
        await house.Deposit(account, "USD", 200_000);
        await using (var engine = house.Stream())
        {
            await engine.Send(Fill(0, account, "b", "t1", 2, 60_000, "BTC-PERP", Side.Buy));
            await engine.Send(Fill(0, account, "e", "t2", 40, 3_000, "ETH-PERP", Side.Sell));
        }

        var d = (await house.Accounts.CompareRegimesAsync(new CompareRegimesRequest { AccountId = account })).Dependency;
        var equity = Num((await house.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = account })).Equity);
        var target = (Num(d.InitialMargin) + Num(d.InitialMarginWithoutCredits)) / 2;
        Assert.True(target < equity, $"target {target}, equity {equity}");
        var withdrawn = await house.Accounts.WithdrawAsync(new WithdrawRequest { AccountId = account, Asset = "USD", Amount = Dec(decimal.Round(equity - target, 2)), RequestId = "to-target" });
        Assert.True(withdrawn.Accepted, withdrawn.RejectReason.ToString());
    }

    private async Task<RiskEvent> HouseEvent(IAsyncStreamReader<RiskEvent> stream, CancellationToken token)
    {
        while (await stream.MoveNext(token))
        {
            if (stream.Current.House is not null)
            {
                return stream.Current;
            }
        }

        throw new InvalidOperationException("the risk-event stream ended without a house event");
    }

    private async Task<decimal> MetricRatio(string scenario)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync($"http://127.0.0.1:{house.Host.HttpPort}/metrics");
        var line = text.Split('\n').Single(l => l.StartsWith("grid_house_coverage_ratio{", StringComparison.Ordinal) && l.Contains($"scenario=\"{scenario}\"", StringComparison.Ordinal));
        return decimal.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private async Task<string> Rulebook(string version, Action<JsonObject> change)
    {
        var document = JsonNode.Parse((await house.Admin.GetRulebookAsync(new GetRulebookRequest())).Json)!.AsObject();
        document["version"] = version;
        change(document);
        return document.ToJsonString();
    }

    private Task<RulebookInfo> Load(string json, bool dryRun, bool force = false)
        => house.Admin.LoadRulebookAsync(new LoadRulebookRequest { Json = json, DryRun = dryRun, Force = force }).ResponseAsync;

    private static async Task<T> Eventually<T>(Func<Task<T?>> read)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "not in time");
            await Task.Delay(50);
        }
    }

    private T Observe<T>(T message)
        where T : IMessage
    {
        _coverage.Observe(message);
        return message;
    }
}

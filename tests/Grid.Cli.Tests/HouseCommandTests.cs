using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Cli.Commands;
using static Grid.Cli.Tests.Figures;
using Core = Grid.Risk.Supervision;
using CoreStress = Grid.Risk.Stress;

namespace Grid.Cli.Tests;

/// <summary>grid stress, grid report, the impact of grid rulebook load and the account without credits of grid compare.</summary>
public sealed class HouseCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grid-cli-report-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Stress_ShowsTheLatestRun_WithTheWorstScenariosTopAccounts_AndRunRunsOne()
    {
        var run = new CliRun();
        run.Grid.OnUnary<GetHouseRiskRequest, HouseRiskRun>("Admin", "GetHouseRisk", _ => Run(HouseRunTrigger.Schedule));
        run.Grid.OnUnary<RunHouseRiskRequest, HouseRiskRun>("Admin", "RunHouseRisk", _ => Run(HouseRunTrigger.OnDemand));

        var latest = await run.RunAsync("stress");
        var now = await run.RunAsync("stress", "--run");

        Assert.Equal(ExitCode.Ok, latest.ExitCode);
        Assert.Contains("(SCHEDULE)", latest.Output);
        Assert.Matches(@"crypto crash +-1,000,000.00 +80,000,000.00 +2 +40,000,000.00 +80,000,000.00 +0.625 +NOT COVERED worst\n", latest.Output);
        Assert.Matches(@"vol spike .* inf\n", latest.Output);
        Assert.Contains("top accounts, crypto crash:\n", latest.Output);
        Assert.Contains("  whale-1", latest.Output);
        Assert.Contains("BTC/ETH", latest.Output);
        Assert.Contains("without credits: 1 account(s) OK -> REDUCE_ONLY", latest.Output);
        Assert.Contains("(ON_DEMAND)", now.Output);
        Assert.Equal(["/grid.v1.Admin/GetHouseRisk", "/grid.v1.Admin/RunHouseRisk"], run.Grid.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Report_WritesTheStreamedLines_AsJsonLinesCsvAndTheRulebook()
    {
        var (lines, house) = Report();
        var run = new CliRun();
        run.Grid.OnStream("Admin", "StreamSupervisoryReport", [
            .. lines.Select(l => new SupervisoryReportLine { AccountJson = l }),
            .. house.Select(l => new SupervisoryReportLine { HouseJson = l }),
            new SupervisoryReportLine { RulebookJson = "{\"version\":\"v1\"}" },
        ]);

        var result = await run.RunAsync("report", "--out", _directory);

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Contains("report of 2 accounts", result.Output);
        Assert.All(Core.SupervisoryReportWriter.Files, f => Assert.True(File.Exists(Path.Combine(_directory, f)), f));
        Assert.Equal(lines, File.ReadAllLines(Path.Combine(_directory, "accounts.jsonl")));
        Assert.Equal(house, File.ReadAllLines(Path.Combine(_directory, "house.jsonl")));
        Assert.Equal("{\"version\":\"v1\"}", File.ReadAllText(Path.Combine(_directory, "rulebook.json")));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_directory, "accounts.csv")).Length);
    }

    [Fact]
    public async Task Report_CutShort_FailsAndSaysSo()
    {
        var (lines, _) = Report();
        var run = new CliRun();
        run.Grid.OnStream("Admin", "StreamSupervisoryReport", lines.Select(l => new SupervisoryReportLine { AccountJson = l }).ToList());

        var result = await run.RunAsync("report", "--out", _directory);

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("ended before its house lines", result.Error);
        Assert.Equal(ExitCode.Usage, (await new CliRun().RunAsync("report")).ExitCode);
    }

    [Fact]
    public async Task RulebookLoad_PrintsTheImpact_AndSendsForce()
    {
        var run = new CliRun();
        run.Grid.OnUnary<LoadRulebookRequest, RulebookInfo>("Admin", "LoadRulebook", r => new RulebookInfo
        {
            Version = "tighter",
            Impact = new RulebookImpact
            {
                CurrentVersion = "v1", CandidateVersion = "tighter", Accounts = 4, InitialMarginBefore = D("100"), InitialMarginAfter = D("150"), InitialMarginChange = D("50"),
                PositionsImBefore = D("100"), PositionsImAfter = D("150"), PositionsImIncrease = D("0.5"), Forced = r.Force,
                Transitions = { new StateTransitionCount { From = AccountState.ReduceOnly, To = AccountState.Liquidate, Accounts = 1 } },
                LargestIncreases = { new AccountImpact { AccountId = "alice", InitialMarginBefore = D("10"), InitialMarginAfter = D("40"), InitialMarginChange = D("30"), StateBefore = AccountState.Ok, StateAfter = AccountState.Ok } },
                Breaches = { new ApcBreach { Figure = "groups.BTC.range", Message = "groups.BTC.range would be cut 50% (0.16 → 0.08), above apc.maxRangeCut 10%" } },
            },
        });
        var path = Path.Combine(Path.GetTempPath(), $"rulebook-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{\"version\":\"tighter\"}");
        try
        {
            var result = await run.RunAsync("rulebook", "load", path, "--dry-run", "--force");

            Assert.True(run.Grid.Single<LoadRulebookRequest>() is { DryRun: true, Force: true });
            Assert.Contains("impact of tighter over v1 (4 accounts", result.Output);
            Assert.Contains("100.00 -> 150.00 (+50.00)", result.Output);
            Assert.Contains("(50%)", result.Output);
            Assert.Contains("1 account(s) REDUCE_ONLY -> LIQUIDATE", result.Output);
            Assert.Matches(@"alice +10.00 +40.00 +\+30.00 +OK\n", result.Output);
            Assert.Contains("guard: groups.BTC.range would be cut 50% (0.16 → 0.08), above apc.maxRangeCut 10% (forced)", result.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Compare_PrintsTheAccountWithoutItsCredits()
    {
        var run = new CliRun();
        run.Grid.OnUnary<CompareRegimesRequest, RegimeComparison>("Accounts", "CompareRegimes", _ => new RegimeComparison
        {
            SiloedTotal = D("160000"), CrossTotal = D("100000"), SavingUsd = D("60000"), SavingPct = D("37.5"),
            Dependency = new CreditDependency
            {
                Credits = { new PairCredit { GroupA = "BTC", GroupB = "ETH", Credit = D("20000"), CreditPositions = D("18000") } },
                InitialMargin = D("100000"), InitialMarginWithoutCredits = D("120000"), MaintenanceMargin = D("80000"), MaintenanceMarginWithoutCredits = D("94400"),
                State = AccountState.Ok, StateWithoutCredits = AccountState.ReduceOnly, CalledMargin = D("5000"),
            },
        });

        var result = await run.RunAsync("compare", "demo-hedged");

        Assert.Contains("without the inter-group credits", result.Output);
        Assert.Matches(@"BTC/ETH +20,000.00 +18,000.00\n", result.Output);
        Assert.Contains("100,000.00 -> 120,000.00", result.Output);
        Assert.Contains("OK -> REDUCE_ONLY", result.Output);
        Assert.Matches(@"margin called +5,000.00\n", result.Output);
    }

    [Fact]
    public async Task Events_WithHouse_AsksForHouseEvents_AndNamesTheUncoveredScenarios()
    {
        var run = new CliRun();
        var alert = new RiskEvent
        {
            Sequence = 7, At = Timestamp.FromDateTimeOffset(CliRun.Now), Cause = "house coverage",
            House = new HouseCoverage { RulebookVersion = "v1", Scenarios = { new ScenarioCoverage { Scenario = "crypto crash", Covered = false, WasCovered = true }, new ScenarioCoverage { Scenario = "vol spike", Covered = true, WasCovered = true } } },
        };
        run.Grid.OnStream("RiskEvents", "Subscribe", [alert]);

        var result = await run.RunAsync("events", "--house", "--count", "1");

        Assert.True(run.Grid.Single<SubscribeRiskEventsRequest>().IncludeHouse);
        Assert.Contains("(house)", result.Output);
        Assert.Contains("does not cover Cover-2 in: crypto crash", result.Output);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, true);
        }
    }

    private static HouseRiskRun Run(HouseRunTrigger trigger)
    {
        var at = Timestamp.FromDateTimeOffset(CliRun.Now);
        var run = new HouseRiskRun
        {
            Trigger = trigger, StartedAt = at, CompletedAt = at, RulebookVersion = "v1", MarketAsOf = at, MarketAsOfLatest = at, GuaranteeFund = D("50000000"),
            Accounts = 3, WorstScenario = "crypto crash",
            Silos = { new SiloPart { Silo = "127.0.0.1:11111@1", Accounts = 3, MarketAsOf = at, Elapsed = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(12)) } },
            Dependency = new HouseDependency
            {
                Accounts = 3, SiloedTotal = D("10"), CrossTotal = D("8"), Saving = D("2"), InitialMargin = D("8"), InitialMarginWithoutCredits = D("10"), AccountsLeavingOk = 1, CalledMargin = D("1"),
                Credits = { new PairCredit { GroupA = "BTC", GroupB = "ETH", Credit = D("2"), CreditPositions = D("2") } },
                Transitions = { new StateTransitionCount { From = AccountState.Ok, To = AccountState.ReduceOnly, Accounts = 1 } },
            },
        };
        run.Scenarios.Add(new ScenarioStress
        {
            Scenario = "crypto crash", TotalPnl = D("-1000000"), TotalDeficit = D("80000000"), AccountsInDeficit = 2, Cover1 = D("40000000"), Cover2 = D("80000000"),
            CoverageRatio = D("0.625"), Covered = false,
            TopAccounts = { new StressedAccount { AccountId = "whale-1", Equity = D("60000000"), StressedEquity = D("-40000000"), Pnl = D("-100000000"), Deficit = D("40000000") } },
        });
        run.Scenarios.Add(new ScenarioStress { Scenario = "vol spike", TotalPnl = D("-5"), TotalDeficit = D("0"), Cover1 = D("0"), Cover2 = D("0"), Covered = true });
        return run;
    }

    // Two account lines and the house lines of a tiny house, as the server streams them.
    private static (List<string> Lines, List<string> House) Report()
    {
        var scenarios = new[] { "crypto crash", "vol spike" };
        var lines = new[] { Line("a", -120), Line("b", 35) };
        var stress = new CoreStress.HouseStressResult
        {
            RulebookVersion = "v1", MarketAsOf = CliRun.Now, MarketAsOfLatest = CliRun.Now, GuaranteeFund = 50_000_000, Accounts = 2, Skipped = 0, WorstScenario = 0,
            Scenarios = [.. scenarios.Select(s => new CoreStress.HouseScenarioFigures
            {
                Scenario = s, TotalPnl = -85, TotalDeficit = 20, AccountsInDeficit = 1, Cover1 = 20, Cover2 = 20, CoverageRatio = 2_500_000, Top = [new CoreStress.StressedAccount("a", 100, -20)],
            })],
        };
        var dependency = new Core.HouseDependencyResult
        {
            Accounts = 2, Skipped = 0, SiloedTotal = 0, CrossTotal = 0, CreditTotal = 0, CreditTotalPositions = 0, Credits = [], CreditsPositions = [],
            Im = 0, ImWithoutCredits = 0, LeavingOk = 0, CalledIm = 0, Transitions = [],
        };
        return ([.. lines.Select(Core.SupervisoryJson.Account)], [.. Core.SupervisoryJson.House(CliRun.Now, stress, dependency)]);

        Core.SupervisoryLine Line(string id, double pnl) => new()
        {
            AccountId = id,
            ImPositions = 0,
            Collateral = [new Core.CollateralLine("USD", 100, 1, 0, 100)],
            Scenarios = [.. scenarios.Select(s => new Core.ScenarioLine(s, 100 + pnl, pnl, Math.Max(0, -(100 + pnl))))],
            Margin = new Core.CreditDependency
            {
                Regime = Grid.Risk.Rulebooks.MarginRegime.Pm, SiloedTotal = 0, CrossTotal = 0, Credits = [], CreditsPositions = [], CreditTotal = 0, CreditTotalPositions = 0, Ae = 100,
                AeAfterOrderCosts = 100, Im = 0, Mm = 0, State = Grid.Risk.Accounts.AccountState.Ok, ImWithoutCredits = 0, MmWithoutCredits = 0, StateWithoutCredits = Grid.Risk.Accounts.AccountState.Ok,
            },
        };
    }
}

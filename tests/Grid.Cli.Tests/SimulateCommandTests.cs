using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using static Grid.Cli.Tests.Figures;

namespace Grid.Cli.Tests;

/// <summary>simulate: a JSON portfolio sent as it is, a CSV of positions with --balance, the files of --market, --rulebook and --instruments, and the view.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grid-cli-simulate-").FullName;

    [Fact]
    public async Task JsonPortfolio_IsSentAsItIs_WithEveryFigureAsked_AndPrinted()
    {
        var run = Run();
        const string document = """{"input": {"account": {"balances": {"USD": 1000000}, "positions": [{"instrument": "BTC-PERP", "qty": 2, "entry": 60000}]}}}""";
        var path = File("case.json", document);

        var result = await run.RunAsync("simulate", path);

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var request = run.Grid.Single<SimulateRequest>();
        Assert.Equal(document, request.DocumentJson);
        Assert.True(request.CompareRegimes && request.Stress && request.CreditDependency);
        Assert.False(request.MaxOrderSize);
        Assert.Null(request.Order);
        Assert.Equal("dev-trader", Assert.Single(run.Grid.Calls).Options.Headers!.Single(h => h.Key == "x-api-key").Value.Replace("grid-", "", StringComparison.Ordinal));
        Assert.StartsWith("simulated portfolio  regime PM  state OK", result.Output, StringComparison.Ordinal);
        Assert.Contains("rulebook 2026-11-25.1 (live)  instruments (live)  market as of 2026-11-25T08:00:00.000Z (given)", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"initial margin\s+120,000.00\n", result.Output);
        Assert.Contains("BTC/ETH", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"crypto crash\s+100,000.00\s+40,000.00\s+-60,000.00\s+0.00\s+1.50\n", result.Output);
        Assert.Matches(@"saving\s+500.00 \(25%\)\n", result.Output);
        Assert.Contains("without credits: IM 2,000.00, MM 1,600.00, state REDUCE_ONLY: leaves OK, 100.00 would be called", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_IsTheCandidate_AndSized()
    {
        var run = Run();
        var result = await run.RunAsync("simulate", File("p.json", "{}"), "--order", "BTC-PERP:buy:1.5:60000");

        var request = run.Grid.Single<SimulateRequest>();
        Assert.Equal(new WhatIfOrder { ClientOrderId = "candidate", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = D("1.5"), Price = D("60000") }, request.Order);
        Assert.True(request.MaxOrderSize);
        Assert.Contains("order candidate: REJECT: PRICE_OUTSIDE_BAND (price: 70000 is more than 10.00 % from the mark 60000)", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"max size\s+2.5\n", result.Output);
    }

    [Fact]
    public async Task CaseDocument_WithItsOrder_IsSizedToo()
    {
        var run = Run();
        await run.RunAsync("simulate", File("case.json", """{"input": {"account": {}}, "order": {"instrument": "BTC-PERP", "side": "buy", "qty": 1, "price": 60000}}"""));

        var request = run.Grid.Single<SimulateRequest>();
        Assert.True(request.MaxOrderSize);
        Assert.Null(request.Order);
    }

    [Fact]
    public async Task CsvPositions_WithBalancesAndRegime_AreTypedHoldings()
    {
        var run = Run();
        var csv = File("positions.csv", "# my book\ninstrument,qty,entry,funding\nBTC-PERP,2,60000,\n\nETH-PERP, -20.5 ,3000,1.25\n");

        var result = await run.RunAsync("simulate", csv, "--balance", "USD:1000000", "--balance", "BTC:-1.5", "--regime", "std");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var holdings = run.Grid.Single<SimulateRequest>().Holdings;
        Assert.Equal(MarginRegime.Std, holdings.Regime);
        Assert.Equal(
            [new SimulatedBalance { Asset = "USD", Amount = D("1000000") }, new SimulatedBalance { Asset = "BTC", Amount = D("-1.5") }],
            holdings.Balances);
        Assert.Equal(
            [
                new SimulatedPosition { InstrumentId = "BTC-PERP", Qty = D("2"), EntryPrice = D("60000") },
                new SimulatedPosition { InstrumentId = "ETH-PERP", Qty = D("-20.5"), EntryPrice = D("3000"), Funding = D("1.25") },
            ],
            holdings.Positions);
    }

    [Theory]
    [InlineData("instrument,qty,price\nBTC-PERP,1,2\n", "line 1: unknown column 'price'")]
    [InlineData("qty,entry\n1,2\n", "line 1: the header has no 'instrument' column")]
    [InlineData("instrument,qty\nBTC-PERP,lots\n", "line 2, column qty")]
    [InlineData("instrument,qty\nBTC-PERP\n", "line 2: 1 cells, the header names 2")]
    [InlineData("# nothing\n", "no header line")]
    public async Task BadCsv_IsAUsageError_NamingTheLine(string csv, string expected)
    {
        var run = Run();
        var result = await run.RunAsync("simulate", File("bad.csv", csv));

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Contains(expected, result.FirstErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.Grid.Calls);
    }

    [Fact]
    public async Task MarketRulebookAndInstruments_AreReadFromTheirFiles()
    {
        var run = Run();
        var result = await run.RunAsync(
            "simulate", File("p.json", "{}"), "--market", File("m.json", "{\"asOf\": \"x\"}"), "--rulebook", File("r.json", "{\"version\": \"v\"}"),
            "--instruments", File("i.json", "[]"), "--json");

        var request = run.Grid.Single<SimulateRequest>();
        Assert.Equal("{\"asOf\": \"x\"}", request.MarketJson);
        Assert.Equal("{\"version\": \"v\"}", request.RulebookJson);
        Assert.Equal("[]", request.InstrumentsJson);
        Assert.Equal(Response(), SimulateResponse.Parser.ParseJson(result.Output));
    }

    [Fact]
    public async Task UsageErrors_NameTheArgument()
    {
        var run = Run();
        Assert.Contains("--balance and --regime go with a CSV portfolio", (await run.RunAsync("simulate", File("p.json", "{}"), "--balance", "USD:1")).FirstErrorLine, StringComparison.Ordinal);
        Assert.Contains("cannot read <portfolio>", (await run.RunAsync("simulate", Path.Combine(_dir, "missing.json"))).FirstErrorLine, StringComparison.Ordinal);
        Assert.Contains("bad --balance 'USD'", (await run.RunAsync("simulate", File("p.csv", "instrument,qty\n"), "--balance", "USD")).FirstErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.Grid.Calls);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static CliRun Run()
    {
        var run = new CliRun();
        run.Grid.OnUnary<SimulateRequest, SimulateResponse>("Margin", "Simulate", r => Response(r.Order is not null));
        return run;
    }

    private static SimulateResponse Response(bool order = false)
    {
        var response = new SimulateResponse
        {
            BuyingPower = BuyingPower(""),
            Basis = new SimulatedBasis { Rulebook = SimulatedSource.Live, Instruments = SimulatedSource.Live, Market = SimulatedSource.Request },
            Credits = { new SimulatedCredit { GroupA = "BTC", GroupB = "ETH", MatchedDelta = D("10000"), Credit = D("250") } },
            Regimes = new RegimeComparison
            {
                SiloedTotal = D("2000"), CrossTotal = D("1500"), SavingUsd = D("500"), SavingPct = D("25.000000001"),
                Silos = { new Silo { Name = "isolated linear_perp BTC-PERP", Regime = MarginRegime.Pm, Requirement = D("2000") } },
            },
            Stress = { new SimulatedStress { Scenario = "crypto crash", Equity = D("100000"), StressedEquity = D("40000"), Pnl = D("-60000"), Deficit = D("0"), Coverage = D("1.5") } },
            CreditDependency = new SimulatedCreditDependency
            {
                InitialMarginWithoutCredits = D("2000"), MaintenanceWithoutCredits = D("1600"), StateWithoutCredits = AccountState.ReduceOnly, LeavesOk = true, CalledMargin = D("100"),
            },
        };
        response.BuyingPower.AsOf = Timestamp.FromDateTimeOffset(CliRun.Now);
        if (order)
        {
            response.OrderDecision = Reject("candidate");
            response.OrderDecision.RejectReason = RejectReason.PriceOutsideBand;
            response.OrderFigures = new SimulatedOrderFigures { Explanation = "price: 70000 is more than 10.00 % from the mark 60000" };
            response.MaxOrderSize = new MaxOrderSize { Qty = D("2.5") };
        }

        return response;
    }
}

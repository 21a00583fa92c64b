using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grpc.Core;
using static Grid.Cli.Tests.Figures;

namespace Grid.Cli.Tests;

/// <summary>watch and events: a line per message, --count, Ctrl+C as a clean stop, stream failures as errors.</summary>
public sealed class StreamCommandTests
{
    private static AccountUpdate Update(ulong sequence, string cause)
    {
        var figures = BuyingPower();
        figures.AsOf = Timestamp.FromDateTimeOffset(CliRun.Now.AddMilliseconds(125));
        return new AccountUpdate { Sequence = sequence, BuyingPower = figures, Cause = cause };
    }

    [Fact]
    public async Task Watch_PrintsAHeaderAndALinePerUpdate()
    {
        var run = new CliRun();
        run.Grid.OnStream("Accounts", "Watch", [Update(1, "snapshot"), Update(3, "fill")]);

        var result = await run.RunAsync("watch", "alice");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal("alice", run.Grid.Single<WatchAccountRequest>().AccountId);
        Assert.Equal(
            "time             seq  state                  equity               IM               MM        available  cause\n" +
            "08:00:00.125Z      1  OK                 400,000.00       120,000.00        60,000.00       279,987.66  snapshot\n" +
            "08:00:00.125Z      3  OK                 400,000.00       120,000.00        60,000.00       279,987.66  fill\n",
            result.Output);
    }

    [Fact]
    public async Task Watch_Count_StopsAfterN()
    {
        var run = new CliRun();
        run.Grid.OnStream("Accounts", "Watch", [Update(1, "snapshot"), Update(2, "fill"), Update(3, "fill")]);

        var result = await run.RunAsync("watch", "alice", "--count", "2");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal(3, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Watch_CtrlC_StopsCleanly()
    {
        var run = new CliRun();
        using var interrupt = new CancellationTokenSource();
        run.Grid.OnStream("Accounts", "Watch", [Update(1, "snapshot")], interrupt: interrupt);

        var result = await run.RunAsync(["watch", "alice"], interrupt.Token);

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Contains("snapshot\n", result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Watch_StreamFails_ReportsTheStatus()
    {
        var run = new CliRun();
        run.Grid.OnStream("Accounts", "Watch", [Update(1, "snapshot")], end: new RpcException(new Status(StatusCode.Unavailable, "node draining")));

        var result = await run.RunAsync("watch", "alice");

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Equal("error: UNAVAILABLE: node draining\n", result.Error);
    }

    [Fact]
    public async Task Watch_Json_PrintsOneObjectPerLine()
    {
        var run = new CliRun();
        run.Grid.OnStream("Accounts", "Watch", [Update(1, "snapshot"), Update(2, "fill")]);

        var result = await run.RunAsync("watch", "alice", "--json");

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(Update(2, "fill"), AccountUpdate.Parser.ParseJson(lines[1]));
    }

    [Fact]
    public async Task Watch_StreamCall_HasNoDeadline()
    {
        var run = new CliRun();
        run.Grid.OnStream<AccountUpdate>("Accounts", "Watch", []);

        await run.RunAsync("watch", "alice");

        Assert.Null(Assert.Single(run.Grid.Calls).Options.Deadline);
    }

    [Fact]
    public async Task Events_SendsFilterAndPrintsTransitionsAndPositions()
    {
        var run = new CliRun();
        run.Grid.OnStream("RiskEvents", "Subscribe", new[]
        {
            new RiskEvent
            {
                Sequence = 7, At = Timestamp.FromDateTimeOffset(CliRun.Now), AccountId = "demo-margin-call",
                PreviousState = AccountState.ReduceOnly, State = AccountState.Liquidate, Equity = D("55000"),
                InitialMargin = D("120000"), MaintenanceMargin = D("60000"), Shortfall = D("65000"), Cause = "price move BTC",
                Positions = { new PositionLine { InstrumentId = "BTC-PERP", Qty = D("10"), Value = D("550000") } },
            },
        });

        var result = await run.RunAsync("events", "--state", "liquidate", "--state", "bankrupt", "--positions");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var request = run.Grid.Single<SubscribeRiskEventsRequest>();
        Assert.Equal([AccountState.Liquidate, AccountState.Bankrupt], request.States);
        Assert.True(request.IncludePositions);
        Assert.Contains(
            "08:00:00.000Z      7  demo-margin-call   REDUCE_ONLY -> LIQUIDATE        55,000.00       120,000.00        60,000.00        65,000.00  price move BTC\n" +
            "    BTC-PERP  qty 10  value 550,000.00\n",
            result.Output);
    }

    [Fact]
    public async Task Events_NoFilter_WatchesEveryState()
    {
        var run = new CliRun();
        run.Grid.OnStream<RiskEvent>("RiskEvents", "Subscribe", []);

        var result = await run.RunAsync("events", "--count", "5");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Empty(run.Grid.Single<SubscribeRiskEventsRequest>().States);
        Assert.False(run.Grid.Single<SubscribeRiskEventsRequest>().IncludePositions);
    }
    [Fact]
    public async Task Prices_PrintsALinePerPrice_AndPassesTheFilter()
    {
        var run = new CliRun();
        var at = Timestamp.FromDateTimeOffset(CliRun.Now.AddMilliseconds(250));
        run.Grid.OnStream("MarketData", "Subscribe",
        [
            new PriceUpdate { ObservedAt = at, Index = new IndexPrice { Asset = "BTC", Price = D("60000") } },
            new PriceUpdate { ObservedAt = at, Mark = new MarkPrice { InstrumentId = "BTC-PERP", Price = D("60010.5") } },
            new PriceUpdate { ObservedAt = at, Vol = new ImpliedVol { InstrumentId = "BTC-270225-60000-C", Vol = D("0.55") } },
        ]);

        var result = await run.RunAsync("prices", "--group", "BTC", "--instrument", "ETH-PERP");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var request = run.Grid.Single<SubscribeMarketRequest>();
        Assert.Equal(["BTC"], request.Groups);
        Assert.Equal(["ETH-PERP"], request.InstrumentIds);
        Assert.Equal(
            "observed      kind       key                                     value\n" +
            "08:00:00.250Z index      BTC                                 60,000.00\n" +
            "08:00:00.250Z mark       BTC-PERP                            60,010.50\n" +
            "08:00:00.250Z vol        BTC-270225-60000-C                       0.55\n",
            result.Output);
    }

    [Fact]
    public async Task Prices_PrintsTheRateDividendsRiskArraysSpanDeltasAndOpenInterest()
    {
        var run = new CliRun();
        var at = Timestamp.FromDateTimeOffset(CliRun.Now);
        var array = new RiskArray { InstrumentId = "ES-SPAN" };
        array.Scenarios.Add(Enumerable.Range(0, 16).Select(i => D((i - 8).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        run.Grid.OnStream("MarketData", "Subscribe",
        [
            new PriceUpdate { ObservedAt = at, Rate = new RiskFreeRate { Rate = D("0.04") } },
            new PriceUpdate { ObservedAt = at, DividendYield = new DividendYield { Asset = "SPX", Yield = D("0.013") } },
            new PriceUpdate { ObservedAt = at, RiskArray = array },
            new PriceUpdate { ObservedAt = at, SpanDelta = new SpanDelta { InstrumentId = "ES-SPAN", Delta = D("0.98") } },
            new PriceUpdate { ObservedAt = at, OpenInterest = new OpenInterest { InstrumentId = "ES-SPAN", Contracts = D("1200") } },
        ]);

        var result = await run.RunAsync("prices");

        Assert.Equal(
            "observed      kind       key                                     value\n" +
            "08:00:00.000Z rate                                                0.04\n" +
            "08:00:00.000Z dividend   SPX                                     0.013\n" +
            "08:00:00.000Z risk-array ES-SPAN                                        -8 -7 -6 -5 -4 -3 -2 -1 0 1 2 3 4 5 6 7\n" +
            "08:00:00.000Z span-delta ES-SPAN                                  0.98\n" +
            "08:00:00.000Z open-int   ES-SPAN                                  1200\n",
            result.Output);
    }
}

using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Cli.Commands;
using static Grid.Cli.Tests.Figures;

namespace Grid.Cli.Tests;

/// <summary>price index|mark|vol|forward|rate|dividend|risk-array|span-delta|open-interest publish their updates, observed now, under a time-based sequence.</summary>
public sealed class PriceCommandTests
{
    private static readonly Timestamp Now = Timestamp.FromDateTimeOffset(CliRun.Now);

    private static CliRun Accepting()
    {
        var run = new CliRun();
        run.Grid.OnUnary<PriceBatch, PublishAck>("MarketData", "PublishOnce", b => new PublishAck { Sequence = b.Sequence, Accepted = 1 });
        return run;
    }

    [Fact]
    public async Task Index_SendsOneUpdateObservedNow()
    {
        var run = Accepting();

        var result = await run.RunAsync("price", "index", "BTC", "61250.5");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var batch = run.Grid.Single<PriceBatch>();
        Assert.Equal(PriceCommand.Sequence(CliRun.Now), batch.Sequence);
        var update = Assert.Single(batch.Updates);
        Assert.Equal(new IndexPrice { Asset = "BTC", Price = D("61250.5") }, update.Index);
        Assert.Equal(Now, update.ObservedAt);
        Assert.Equal($"batch {batch.Sequence}: applied 1, stale 0\n", result.Output);
    }

    [Fact]
    public async Task Mark_SendsTheInstrumentsMark()
    {
        var run = Accepting();

        await run.RunAsync("price", "mark", "BTC-PERP", "61200");

        Assert.Equal(new MarkPrice { InstrumentId = "BTC-PERP", Price = D("61200") }, run.Grid.Single<PriceBatch>().Updates[0].Mark);
    }

    [Fact]
    public async Task Vol_SendsTheFraction()
    {
        var run = Accepting();

        await run.RunAsync("price", "vol", "BTC-261225-60000-C", "0.58");

        Assert.Equal(new ImpliedVol { InstrumentId = "BTC-261225-60000-C", Vol = D("0.58") }, run.Grid.Single<PriceBatch>().Updates[0].Vol);
    }

    [Fact]
    public async Task Forward_SendsTheExactExpiryInstant()
    {
        var run = Accepting();

        await run.RunAsync("price", "forward", "BTC", "2026-12-25T09:00:00+01:00", "61500");

        var forward = run.Grid.Single<PriceBatch>().Updates[0].Forward;
        Assert.Equal("BTC", forward.Underlying);
        Assert.Equal(new DateTimeOffset(2026, 12, 25, 8, 0, 0, TimeSpan.Zero), forward.Expiry.ToDateTimeOffset());
        Assert.Equal(D("61500"), forward.Price);
    }

    [Fact]
    public async Task ObservedAt_OverridesNow()
    {
        var run = Accepting();

        await run.RunAsync("price", "index", "ETH", "3000", "--observed-at", "2026-11-25T07:59:00Z");

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 7, 59, 0, TimeSpan.Zero), run.Grid.Single<PriceBatch>().Updates[0].ObservedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task RefusedUpdate_PrintsWhyAndExitsOne()
    {
        var run = new CliRun();
        run.Grid.OnUnary<PriceBatch, PublishAck>("MarketData", "PublishOnce", b => new PublishAck
        {
            Sequence = b.Sequence,
            Rejected = { new RejectedUpdate { Index = 0, Error = new ErrorDetail { Code = ErrorCode.UnknownInstrument, Field = "mark.instrument_id", Message = "not listed" } } },
        });

        var result = await run.RunAsync("price", "mark", "NOPE", "1");

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("refused: UNKNOWN_INSTRUMENT (mark.instrument_id): not listed\n", result.Output);
    }

    [Fact]
    public async Task RateAndDividend_SendSignedFractions()
    {
        var run = Accepting();
        await run.RunAsync("price", "rate", "-0.002");
        Assert.Equal(new RiskFreeRate { Rate = D("-0.002") }, run.Grid.Single<PriceBatch>().Updates[0].Rate);

        run = Accepting();
        await run.RunAsync("price", "dividend", "SPX", "0.013");
        Assert.Equal(new DividendYield { Asset = "SPX", Yield = D("0.013") }, run.Grid.Single<PriceBatch>().Updates[0].DividendYield);
    }

    [Fact]
    public async Task RiskArray_SendsSixteenValues_AndItsDeltaInTheSameBatch()
    {
        var run = Accepting();
        var values = Enumerable.Range(0, 16).Select(i => ((i - 8) * 10).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var result = await run.RunAsync(["price", "risk-array", "ES-SPAN", .. values, "--delta", "0.98"]);

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var batch = run.Grid.Single<PriceBatch>();
        Assert.Equal(2, batch.Updates.Count);
        Assert.Equal("ES-SPAN", batch.Updates[0].RiskArray.InstrumentId);
        Assert.Equal(values.Select(D), batch.Updates[0].RiskArray.Scenarios);
        Assert.Equal(new SpanDelta { InstrumentId = "ES-SPAN", Delta = D("0.98") }, batch.Updates[1].SpanDelta);
        Assert.All(batch.Updates, u => Assert.Equal(Now, u.ObservedAt));
    }

    [Fact]
    public async Task RiskArray_WithoutSixteenValues_IsAUsageError_AndSendsNothing()
    {
        var run = Accepting();

        var result = await run.RunAsync("price", "risk-array", "ES-SPAN", "1", "2", "3");

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Contains("16 values, got 3", result.Error);
        Assert.Empty(run.Grid.Calls);
    }

    [Fact]
    public async Task SpanDeltaAndOpenInterest_SendTheirValues()
    {
        var run = Accepting();
        await run.RunAsync("price", "span-delta", "ES-SPAN", "-0.5");
        Assert.Equal(new SpanDelta { InstrumentId = "ES-SPAN", Delta = D("-0.5") }, run.Grid.Single<PriceBatch>().Updates[0].SpanDelta);

        run = Accepting();
        await run.RunAsync("price", "open-interest", "ETH-PERP", "125000");
        Assert.Equal(new OpenInterest { InstrumentId = "ETH-PERP", Contracts = D("125000") }, run.Grid.Single<PriceBatch>().Updates[0].OpenInterest);
    }

    [Fact]
    public void Sequence_IsNanosecondsSinceTheEpoch()
    {
        Assert.Equal(1_000_000_000UL, PriceCommand.Sequence(DateTimeOffset.UnixEpoch.AddSeconds(1)));
    }
}

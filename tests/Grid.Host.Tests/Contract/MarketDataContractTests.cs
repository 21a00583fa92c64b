using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;
using WireDecimal = Grid.Api.V1.Decimal;

namespace Grid.Host.Tests.Contract;

/// <summary>market_data.proto's documented errors, each produced, and every PublishAck field set.</summary>
[Collection(GridHost.Name)]
public sealed class MarketDataContractTests(GridHostFixture grid)
{
    [Fact]
    public async Task PublishOnce_AZeroSequence_IsMalformed()
    {
        var batch = new PriceBatch();
        batch.Updates.Add(new PriceUpdate { ObservedAt = Time(DateTimeOffset.UtcNow), Index = new IndexPrice { Asset = "BTC", Price = Dec(60_000) } });
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.Malformed, "sequence", () => grid.MarketData.PublishOnceAsync(batch).ResponseAsync);
    }

    [Fact]
    public async Task Publish_AcksEveryBatchInOrder_RefusalsDuplicatesAndStaleIncluded_AndStaysOpen()
    {
        var perp = "E2E-MDC-STREAM";
        await grid.ListPerp(perp, "ETH");
        var at = DateTimeOffset.UtcNow;
        using var call = grid.MarketData.Publish();
        var acks = call.ResponseStream;

        await call.RequestStream.WriteAsync(new PriceBatch { Updates = { MarkAt(perp, 100, at) } });
        Assert.True(await acks.MoveNext());
        Assert.Equal((ErrorCode.Malformed, "sequence", 0u), (acks.Current.Error.Code, acks.Current.Error.Field, acks.Current.Accepted));

        await call.RequestStream.WriteAsync(new PriceBatch { Sequence = 7, Updates = { MarkAt(perp, 101, at) } });
        Assert.True(await acks.MoveNext());
        Assert.Equal((7ul, 1u, 0u, false), (acks.Current.Sequence, acks.Current.Accepted, acks.Current.Stale, acks.Current.Duplicate));

        await call.RequestStream.WriteAsync(new PriceBatch { Sequence = 7, Updates = { MarkAt(perp, 102, at) } });
        Assert.True(await acks.MoveNext());
        Assert.Equal((7ul, true, 0u), (acks.Current.Sequence, acks.Current.Duplicate, acks.Current.Accepted));

        // An older observation than the one held is stale: counted, not applied.
        await call.RequestStream.WriteAsync(new PriceBatch { Sequence = 8, Updates = { MarkAt(perp, 50, at.AddSeconds(-1)) } });
        Assert.True(await acks.MoveNext());
        Assert.Equal((0u, 1u), (acks.Current.Accepted, acks.Current.Stale));
        var info = await grid.Admin.GetInstrumentAsync(new GetInstrumentRequest { InstrumentId = perp });
        Assert.Equal(101m, Num(info.Mark));
        await call.RequestStream.CompleteAsync();
    }

    [Fact]
    public async Task EachRefusedUpdate_IsListedWithItsErrorAndField_AndTheRestApply()
    {
        var perp = "E2E-MDC-OK";
        var other = "E2E-MDC-VOL";
        await grid.ListPerp(perp, "ETH");
        await grid.ListPerp(other, "ETH");
        var option = await DemoOption();
        var now = DateTimeOffset.UtcNow;
        var batch = new PriceBatch { Sequence = (ulong)now.UtcTicks };
        var expected = new List<(ErrorCode Code, string Field)>();
        void Bad(PriceUpdate update, ErrorCode code, string field)
        {
            batch.Updates.Add(update);
            expected.Add((code, field));
        }

        var ts = Time(now);
        Bad(new PriceUpdate { ObservedAt = ts }, ErrorCode.Malformed, "kind");
        Bad(new PriceUpdate { Mark = new MarkPrice { InstrumentId = perp, Price = Dec(1) } }, ErrorCode.InvalidField, "observed_at");
        Bad(new PriceUpdate { ObservedAt = Time(now.AddMinutes(10)), Mark = new MarkPrice { InstrumentId = perp, Price = Dec(1) } }, ErrorCode.InvalidField, "observed_at");
        Bad(new PriceUpdate { ObservedAt = ts, Mark = new MarkPrice { InstrumentId = perp, Price = new WireDecimal { Units = 1, Nanos = -1 } } }, ErrorCode.InvalidField, "mark.price");
        Bad(new PriceUpdate { ObservedAt = ts, Mark = new MarkPrice { InstrumentId = "E2E-NOT-LISTED", Price = Dec(1) } }, ErrorCode.UnknownInstrument, "mark.instrument_id");
        Bad(new PriceUpdate { ObservedAt = ts, Index = new IndexPrice { Asset = "NOT-AN-ASSET", Price = Dec(1) } }, ErrorCode.UnknownAsset, "index.asset");
        Bad(new PriceUpdate { ObservedAt = ts, Mark = new MarkPrice { InstrumentId = option, Price = Dec(1_000) } }, ErrorCode.InvalidField, "mark");
        Bad(new PriceUpdate { ObservedAt = ts, Vol = new ImpliedVol { InstrumentId = other, Vol = Dec(0.5m) } }, ErrorCode.InvalidField, "vol");
        var shortArray = new RiskArray { InstrumentId = perp };
        shortArray.Scenarios.Add(Enumerable.Range(0, 15).Select(i => Dec(i)));
        Bad(new PriceUpdate { ObservedAt = ts, RiskArray = shortArray }, ErrorCode.InvalidField, "risk_array.scenarios");
        Bad(new PriceUpdate { ObservedAt = ts, OpenInterest = new OpenInterest { InstrumentId = perp, Contracts = Dec(-1) } }, ErrorCode.InvalidField, "open_interest.contracts");
        Bad(new PriceUpdate { ObservedAt = ts, DividendYield = new DividendYield { Asset = "NDX", Yield = Dec(2) } }, ErrorCode.InvalidField, "dividend_yield.yield");
        Bad(new PriceUpdate { ObservedAt = ts, Rate = new RiskFreeRate { Rate = Dec(3) } }, ErrorCode.InvalidField, "rate.rate");
        Bad(new PriceUpdate { ObservedAt = ts, SpanDelta = new SpanDelta { InstrumentId = perp } }, ErrorCode.InvalidField, "span_delta.delta");
        batch.Updates.Add(MarkAt(perp, 123, now));

        var ack = await grid.MarketData.PublishOnceAsync(batch);
        Assert.Equal(batch.Sequence, ack.Sequence);
        Assert.Equal((1u, 0u, false), (ack.Accepted, ack.Stale, ack.Duplicate));
        Assert.Null(ack.Error);
        Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => (uint)i), ack.Rejected.Select(r => r.Index));
        Assert.Equal(expected, ack.Rejected.Select(r => (r.Error.Code, r.Error.Field)));
        Assert.Equal(123m, Num((await grid.Admin.GetInstrumentAsync(new GetInstrumentRequest { InstrumentId = perp })).Mark));
    }

    [Fact]
    public async Task Subscribe_UnknownInstrumentOrGroup_IsRefusedWithItsCode()
    {
        await Errors.Expect(StatusCode.NotFound, ErrorCode.UnknownInstrument, "instrument_ids", () => First(new SubscribeMarketRequest { InstrumentIds = { "NOPE-PERP" } }));
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "groups", () => First(new SubscribeMarketRequest { Groups = { "NO-SUCH-GROUP" } }));
    }

    private async Task First(SubscribeMarketRequest request)
    {
        using var call = grid.MarketData.Subscribe(request, deadline: DateTime.UtcNow.AddSeconds(10));
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }

    private async Task<string> DemoOption()
    {
        var page = await grid.Admin.ListInstrumentsAsync(new ListInstrumentsRequest { Groups = { "BTC" }, Kinds = { InstrumentKind.Option }, PageSize = 1 });
        return page.Instruments[0].Spec.Id;
    }

    private static PriceUpdate MarkAt(string instrument, decimal price, DateTimeOffset at)
        => new() { ObservedAt = Time(at), Mark = new MarkPrice { InstrumentId = instrument, Price = Dec(price) } };
}

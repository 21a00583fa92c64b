using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests;

/// <summary>MarketData.Subscribe through the real host: the current prices first, then what feeders publish.</summary>
[Collection(GridHost.Name)]
public sealed class MarketDataEndToEndTests(GridHostFixture grid)
{
    [Fact]
    public async Task Subscribe_SendsTheCurrentPrices_ThenEachPublishedMark()
    {
        const string perp = "E2E-MD-PERP";
        await grid.Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
        {
            Instrument = new InstrumentSpec { Id = perp, Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Multiplier = Dec(1), Settlement = "USDT" },
        });
        await Publish(new PriceUpdate { ObservedAt = Time(DateTimeOffset.UtcNow), Mark = new MarkPrice { InstrumentId = perp, Price = Dec(1_000) } });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = grid.MarketData.Subscribe(new SubscribeMarketRequest { InstrumentIds = { perp } }, cancellationToken: timeout.Token);
        // The snapshot: the perp's mark, and the index of its underlying (in either order).
        PriceUpdate? mark = null, index = null;
        while (mark is null || index is null)
        {
            var u = await Next(call.ResponseStream, u => u.Mark?.InstrumentId == perp || u.Index?.Asset == "ETH", timeout.Token);
            mark ??= u.Mark is null ? null : u;
            index ??= u.Index is null ? null : u;
        }

        Assert.Equal(1_000m, Num(mark.Mark.Price));

        await Publish(new PriceUpdate { ObservedAt = Time(DateTimeOffset.UtcNow), Mark = new MarkPrice { InstrumentId = perp, Price = Dec(1_025.5m) } });
        var moved = await Next(call.ResponseStream, u => u.Mark?.InstrumentId == perp && Num(u.Mark.Price) != 1_000m, timeout.Token);
        Assert.Equal(1_025.5m, Num(moved.Mark.Price));
    }

    [Fact]
    public async Task Subscribe_ToAGroup_SkipsOtherGroups()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = grid.MarketData.Subscribe(new SubscribeMarketRequest { Groups = { "BTC" } }, cancellationToken: timeout.Token);
        await Next(call.ResponseStream, u => u.Mark?.InstrumentId == "BTC-PERP", timeout.Token);

        await Publish(new PriceUpdate { ObservedAt = Time(DateTimeOffset.UtcNow), Mark = new MarkPrice { InstrumentId = "ETH-PERP", Price = Dec(3_001) } });
        await Publish(new PriceUpdate { ObservedAt = Time(DateTimeOffset.UtcNow), Mark = new MarkPrice { InstrumentId = "BTC-PERP", Price = Dec(60_001) } });
        var next = await Next(call.ResponseStream, u => u.Mark?.InstrumentId is "BTC-PERP" or "ETH-PERP" && Num(u.Mark.Price) is 60_001m or 3_001m, timeout.Token);
        Assert.Equal("BTC-PERP", next.Mark.InstrumentId);
    }

    [Fact]
    public async Task Subscribe_ToAnUnknownInstrumentOrGroup_IsRefused()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() => First(new SubscribeMarketRequest { InstrumentIds = { "NOPE-PERP" } }));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var group = await Assert.ThrowsAsync<RpcException>(() => First(new SubscribeMarketRequest { Groups = { "NO-SUCH-GROUP" } }));
        Assert.Equal(StatusCode.InvalidArgument, group.StatusCode);
    }

    private async Task First(SubscribeMarketRequest request)
    {
        using var call = grid.MarketData.Subscribe(request, deadline: DateTime.UtcNow.AddSeconds(10));
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }

    private async Task Publish(PriceUpdate update)
    {
        var batch = new PriceBatch { Sequence = (ulong)DateTime.UtcNow.Ticks, Updates = { update } };
        Assert.Equal(1u, (await grid.MarketData.PublishOnceAsync(batch)).Accepted);
    }

    private static async Task<PriceUpdate> Next(IAsyncStreamReader<PriceUpdate> stream, Func<PriceUpdate, bool> match, CancellationToken token)
    {
        while (await stream.MoveNext(token))
        {
            if (match(stream.Current))
            {
                return stream.Current;
            }
        }

        throw new InvalidOperationException("the price stream ended");
    }
}

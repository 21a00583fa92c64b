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
        await grid.ListPerp(perp, "ETH");
        await grid.Mark(perp, 1_000);

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

        await grid.Mark(perp, 1_025.5m);
        var moved = await Next(call.ResponseStream, u => u.Mark?.InstrumentId == perp && Num(u.Mark.Price) != 1_000m, timeout.Token);
        Assert.Equal(1_025.5m, Num(moved.Mark.Price));
    }

    [Fact]
    public async Task Subscribe_ToAGroup_SkipsOtherGroups()
    {
        // Instruments of their own: the shared host's demo marks stay as other tests expect them.
        foreach (var (id, group) in new[] { ("E2E-MDA-PERP", "BTC"), ("E2E-MDB-PERP", "ETH") })
        {
            await grid.ListPerp(id, group);
            await grid.Mark(id, 100);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = grid.MarketData.Subscribe(new SubscribeMarketRequest { Groups = { "BTC" } }, cancellationToken: timeout.Token);
        await Next(call.ResponseStream, u => u.Mark?.InstrumentId == "E2E-MDA-PERP", timeout.Token);

        await grid.Mark("E2E-MDB-PERP", 101);
        await grid.Mark("E2E-MDA-PERP", 102);
        var next = await Next(call.ResponseStream, u => u.Mark is { InstrumentId: "E2E-MDA-PERP" or "E2E-MDB-PERP" } m && Num(m.Price) != 100m, timeout.Token);
        Assert.Equal(("E2E-MDA-PERP", 102m), (next.Mark.InstrumentId, Num(next.Mark.Price)));
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

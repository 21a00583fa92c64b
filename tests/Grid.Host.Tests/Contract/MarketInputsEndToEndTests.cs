using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>
/// Every input of the risk core is published over MarketData and moves the figures; a batch is seen by
/// every query as soon as it is acknowledged, and figures report its instant as their as_of.
/// </summary>
[Collection(GridHost.Name)]
public sealed class MarketInputsEndToEndTests(GridHostFixture grid)
{
    private const string Span = "E2E-ES-SPAN";

    [Fact]
    public async Task PublishedRiskArraysAndSpanDeltas_SetTheScanAndTheDelta()
    {
        await ListSpanFuture();
        await Publish(DateTimeOffset.UtcNow, SpanInputs(1));
        await grid.Fund("e2e-span", "USD", 100_000);
        await using (var engine = grid.Stream())
        {
            var fill = await engine.Send(Fill(0, "e2e-span", "s1", "s1", 2, 5_400, Span, Side.Buy));
            Assert.Equal(GridMessage.BodyOneofCase.Ack, fill.BodyCase);
        }

        // 2 contracts × 50 × the worst published value (−80 per unit in scenario 0); delta 2 × 50 × 0.5.
        var group = await SpanGroup();
        Assert.Equal((8_000m, 0u, 50m), (Num(group.Scan), group.WorstScenario.Index, Num(group.Delta)));

        var at = DateTimeOffset.UtcNow;
        await Publish(at, SpanInputs(2));
        group = await SpanGroup();
        Assert.Equal((16_000m, 100m), (Num(group.Scan), Num(group.Delta)));
    }

    [Fact]
    public async Task TheRateAndDividendYields_PriceEquityAndIndexOptions()
    {
        var page = await grid.Admin.ListInstrumentsAsync(new ListInstrumentsRequest { Groups = { "SPX" }, Kinds = { InstrumentKind.Option }, PageSize = 1 });
        var option = page.Instruments[0].Spec.Id;
        var before = Num(page.Instruments[0].Mark);
        Assert.True(before > 0, "an option's computed mark is served");
        try
        {
            await Publish(DateTimeOffset.UtcNow, Rate(0.09m), Dividend("SPX", 0));
            var higherRate = Num((await grid.Admin.GetInstrumentAsync(new GetInstrumentRequest { InstrumentId = option })).Mark);
            await Publish(DateTimeOffset.UtcNow, Dividend("SPX", 0.05m));
            var withDividend = Num((await grid.Admin.GetInstrumentAsync(new GetInstrumentRequest { InstrumentId = option })).Mark);
            Assert.NotEqual(before, higherRate);
            Assert.NotEqual(higherRate, withDividend);
        }
        finally
        {
            await Publish(DateTimeOffset.UtcNow, Rate(0.04m), Dividend("SPX", 0));
        }
    }

    [Fact]
    public async Task AnAcknowledgedBatch_IsSeenByTheNextQuery_AndFiguresReportItsInstant()
    {
        const string perp = "E2E-ASOF-PERP";
        await grid.ListPerp(perp, "ETH");
        await grid.Mark(perp, 1_000);
        await grid.Fund("e2e-asof", "USD", 50_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Fill(0, "e2e-asof", "a1", "a1", 1, 1_000, perp, Side.Buy));
        }

        for (var round = 1; round <= 5; round++)
        {
            var at = DateTimeOffset.UtcNow;
            await Publish(at, new PriceUpdate { Mark = new MarkPrice { InstrumentId = perp, Price = Dec(1_000 + 10 * round) } });
            var stamp = Timestamp.FromDateTimeOffset(at);
            var id = new GetBuyingPowerRequest { AccountId = "e2e-asof" };
            var bp = await grid.Accounts.GetBuyingPowerAsync(id);
            Assert.Equal(stamp, bp.AsOf);
            Assert.Equal(50_000m + 10 * round, Num(bp.Equity));
            Assert.Equal(stamp, (await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "e2e-asof" })).AsOf);
            Assert.Equal(stamp, (await grid.Accounts.CompareRegimesAsync(new CompareRegimesRequest { AccountId = "e2e-asof" })).AsOf);
            var max = await grid.Accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = "e2e-asof", InstrumentId = perp, Side = Side.Buy, Price = Dec(1_000) });
            Assert.Equal(stamp, max.AsOf);
            var whatIf = await grid.Accounts.WhatIfAsync(new WhatIfRequest
            {
                AccountId = "e2e-asof",
                Orders = { new WhatIfOrder { InstrumentId = perp, Side = Side.Buy, Qty = Dec(1), Price = Dec(1_000) } },
            });
            Assert.Equal(stamp, whatIf.BuyingPower.AsOf);
        }
    }

    [Fact]
    public async Task Subscribe_StreamsEveryKindOfInput()
    {
        await ListSpanFuture();
        await Publish(DateTimeOffset.UtcNow, [.. SpanInputs(1), Dividend("SPX", 0)]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = grid.MarketData.Subscribe(new SubscribeMarketRequest { Groups = { "BTC" }, InstrumentIds = { Span } }, cancellationToken: timeout.Token);
        var seen = new HashSet<PriceUpdate.KindOneofCase>();
        var wanted = System.Enum.GetValues<PriceUpdate.KindOneofCase>().Where(k => k != PriceUpdate.KindOneofCase.None).ToArray();
        while (!wanted.All(seen.Contains) && await call.ResponseStream.MoveNext(timeout.Token))
        {
            var u = call.ResponseStream.Current;
            Assert.NotNull(u.ObservedAt);
            seen.Add(u.KindCase);
            if (u.KindCase == PriceUpdate.KindOneofCase.RiskArray)
            {
                Assert.Equal(16, u.RiskArray.Scenarios.Count);
            }
        }

        Assert.Subset(seen, wanted.ToHashSet());
        await Publish(DateTimeOffset.UtcNow, new PriceUpdate { OpenInterest = new OpenInterest { InstrumentId = Span, Contracts = Dec(4_321) } });
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            if (call.ResponseStream.Current.OpenInterest is { } oi && Num(oi.Contracts) == 4_321)
            {
                return;
            }
        }
    }

    private async Task<GroupRisk> SpanGroup()
        => (await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "e2e-span" })).Groups.Single(g => g.Group == "ES_SPAN");

    private async Task ListSpanFuture()
        => await grid.Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
        {
            Instrument = new InstrumentSpec { Id = Span, Kind = InstrumentKind.SpanFuture, Group = "ES_SPAN", Underlying = "SPX", Multiplier = Dec(50), Settlement = "USD" },
        });

    // Scenario i of the array is (i − 8) × 10 × scale per unit: the worst is scenario 0.
    private static PriceUpdate[] SpanInputs(decimal scale)
    {
        var array = new RiskArray { InstrumentId = Span };
        array.Scenarios.Add(Enumerable.Range(0, 16).Select(i => Dec((i - 8) * 10 * scale)));
        return
        [
            new PriceUpdate { Mark = new MarkPrice { InstrumentId = Span, Price = Dec(5_400) } },
            new PriceUpdate { RiskArray = array },
            new PriceUpdate { SpanDelta = new SpanDelta { InstrumentId = Span, Delta = Dec(0.5m * scale) } },
            new PriceUpdate { OpenInterest = new OpenInterest { InstrumentId = Span, Contracts = Dec(1_000) } },
        ];
    }

    private static PriceUpdate Rate(decimal rate) => new() { Rate = new RiskFreeRate { Rate = Dec(rate) } };

    private static PriceUpdate Dividend(string asset, decimal yield) => new() { DividendYield = new DividendYield { Asset = asset, Yield = Dec(yield) } };

    private async Task Publish(DateTimeOffset at, params PriceUpdate[] updates)
    {
        var batch = new PriceBatch { Sequence = (ulong)DateTime.UtcNow.Ticks };
        foreach (var u in updates)
        {
            u.ObservedAt = Time(at);
            batch.Updates.Add(u);
        }

        var ack = await grid.MarketData.PublishOnceAsync(batch);
        Assert.True(ack.Accepted == updates.Length, ack.ToString());
    }
}

using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using static Grid.Host.Tests.Infrastructure.Wire;
using RiskAccounts = Grid.Risk.Accounts;
using RiskInstruments = Grid.Risk.Instruments;

namespace Grid.Host.Tests;

/// <summary>Worked examples E7/E8 (shared/spec/examples.md) through gRPC: the same figures as the risk core.</summary>
[Collection(GridHost.Name)]
public sealed class PreTradeExamplesTests(GridHostFixture grid)
{
    [Fact]
    public async Task E7_BuyFivePerps_AcceptedWithTheExampleFigures()
    {
        var expiry = await ListStraddle("E7");
        await Straddle("e7-account", "E7");
        await using var engine = grid.Stream();
        var reply = await engine.Send(Check(0, "e7-account", "e7-order", "BTC-PERP", Side.Buy, 5, 60_030));

        var d = reply.Decision;
        Assert.Equal(Decision.Accept, d.Decision);
        Near.Equal(53_533.57m, Num(d.InitialMarginAfter), 0.03m);
        Near.Equal(129_559.11m, Num(d.Equity), 0.03m);
        Near.Equal(76_025.54m, Num(d.AvailableAfter), 0.03m);
        var core = CoreCheck(expiry, 5);
        Near.Equal(Risk.Margin.Money.Requirement(core.Im), Num(d.InitialMarginAfter), 0.02m);
        Near.Equal(Risk.Margin.Money.Equity(core.Ae), Num(d.Equity), 0.02m);
    }

    [Fact]
    public async Task E8_BuyFifteenPerps_RejectedWithTheExampleShortfall()
    {
        var expiry = await ListStraddle("E8");
        await Straddle("e8-account", "E8");
        await using var engine = grid.Stream();
        var reply = await engine.Send(Check(0, "e8-account", "e8-order", "BTC-PERP", Side.Buy, 15, 60_030));

        var d = reply.Decision;
        Assert.Equal(Decision.Reject, d.Decision);
        Assert.Equal(RejectReason.InsufficientMargin, d.RejectReason);
        Near.Equal(20_574.61m, Num(d.Shortfall), 0.03m);
        var core = CoreCheck(expiry, 15);
        Near.Equal(Risk.Margin.Money.Requirement(core.Shortfall), Num(d.Shortfall), 0.02m);
        Assert.Empty((await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "e8-account" })).Orders);
    }

    // A 30-day BTC straddle struck at 60,000 with its own expiry, forward 60,000 and vol 55% (the examples' market).
    private async Task<DateTimeOffset> ListStraddle(string prefix)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(30);
        foreach (var (suffix, type) in new[] { ("C", OptionType.Call), ("P", OptionType.Put) })
        {
            await grid.Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
            {
                Instrument = new InstrumentSpec
                {
                    Id = $"{prefix}-BTC-60000-{suffix}", Kind = InstrumentKind.Option, Group = "BTC", Underlying = "BTC", Multiplier = Dec(1),
                    Settlement = "USDC", Expiry = Timestamp.FromDateTimeOffset(expiry), Strike = Dec(60_000), OptionType = type,
                },
            });
        }

        var now = Time(DateTimeOffset.UtcNow);
        var batch = new PriceBatch { Sequence = (ulong)DateTime.UtcNow.Ticks };
        batch.Updates.Add(new PriceUpdate { ObservedAt = now, Forward = new ForwardPrice { Underlying = "BTC", Expiry = Timestamp.FromDateTimeOffset(expiry), Price = Dec(60_000) } });
        batch.Updates.Add(new PriceUpdate { ObservedAt = now, Vol = new ImpliedVol { InstrumentId = $"{prefix}-BTC-60000-C", Vol = Dec(0.55m) } });
        batch.Updates.Add(new PriceUpdate { ObservedAt = now, Vol = new ImpliedVol { InstrumentId = $"{prefix}-BTC-60000-P", Vol = Dec(0.55m) } });
        var ack = await grid.MarketData.PublishOnceAsync(batch);
        Assert.True(ack.Accepted == 3, ack.ToString());
        return expiry;
    }

    // 2 BTC + 20,000 USDT, short one straddle (sold at a token premium so equity matches the example).
    private async Task Straddle(string account, string prefix)
    {
        await grid.Fund(account, "BTC", 2);
        await grid.Fund(account, "USDT", 20_000);
        await using var engine = grid.Stream();
        foreach (var leg in new[] { "C", "P" })
        {
            var r = await engine.Send(Fill(0, account, $"{prefix}-sell-{leg}", $"{prefix}-trade-{leg}", 1, 0.001m, $"{prefix}-BTC-60000-{leg}", Side.Sell));
            Assert.Equal(GridMessage.BodyOneofCase.Ack, r.BodyCase);
        }
    }

    private static Risk.Decisions.PreTradeResult CoreCheck(DateTimeOffset expiry, double qty)
    {
        var instruments = new List<RiskInstruments.Instrument>
        {
            new() { Id = "BTC-PERP", Kind = RiskInstruments.InstrumentKind.LinearPerp, Group = "BTC", Underlying = "BTC" },
            Option("C", RiskInstruments.OptionType.Call, expiry), Option("P", RiskInstruments.OptionType.Put, expiry),
        };
        var market = new MarketSnapshot
        {
            AsOf = DateTimeOffset.UtcNow,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000 },
            Marks = new Dictionary<string, double> { ["BTC-PERP"] = 60_000 },
            Forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>> { ["BTC"] = new Dictionary<DateTimeOffset, double> { [expiry] = 60_000 } },
            Vols = new Dictionary<string, double> { ["C"] = 0.55, ["P"] = 0.55 },
        };
        var book = RiskAccounts.AccountBook.Create(RiskModel.Build(Rulebook.Default, instruments, market), new RiskAccounts.Portfolio
        {
            Balances = new Dictionary<string, double> { ["BTC"] = 2, ["USDT"] = 20_000, ["USDC"] = 0.002 },
            Positions = [new RiskAccounts.Position("C", -1), new RiskAccounts.Position("P", -1)],
        });
        return book.Check("BTC-PERP", RiskAccounts.Side.Buy, qty, 60_030);
    }

    private static RiskInstruments.Instrument Option(string id, RiskInstruments.OptionType type, DateTimeOffset expiry) => new()
    {
        Id = id, Kind = RiskInstruments.InstrumentKind.Option, Group = "BTC", Underlying = "BTC", Strike = 60_000, OptionType = type, Expiry = expiry,
    };
}

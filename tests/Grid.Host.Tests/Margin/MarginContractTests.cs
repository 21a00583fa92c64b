using Grid.Api.V1;
using Grid.Host.Tests.Contract;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Margin;

/// <summary>margin.proto against a real host: each documented error of Margin.Simulate is produced here.</summary>
[Collection(ContractHost.Name)]
public sealed class MarginContractTests(ContractHostFixture grid)
{
    private Api.V1.Margin.MarginClient Trader => new(grid.Host.ChannelAs(TestKeys.Trader));

    [Fact]
    public async Task Malformed_AndInvalidFields_NameTheField()
    {
        var none = await Failure(new SimulateRequest());
        var notJson = await Failure(new SimulateRequest { DocumentJson = "{\"input\": {\"account\": [" });
        var document = await Failure(new SimulateRequest { DocumentJson = Account("""[{"instrument": "BTC-PERP", "qty": "two"}]""") });
        var typed = await Failure(new SimulateRequest { Holdings = Holdings(("BTC-PERP", new Api.V1.Decimal { Units = 1, Nanos = -1 })) });
        var market = new SimulatedMarket { AsOf = Time(DateTimeOffset.UtcNow) };
        market.Vols.Add("BTC-PERP", Dec(-1));
        var typedMarket = await Failure(new SimulateRequest { Holdings = Holdings(), Market = market });
        var rulebook = await Failure(new SimulateRequest { Holdings = Holdings(), RulebookJson = "{\"version\": \"x\", \"groups\": 7}" });
        var sizeWithoutOrder = await Failure(new SimulateRequest { Holdings = Holdings(), MaxOrderSize = true });

        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.Malformed, "portfolio"), none);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "document_json"), notJson);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "positions[0].qty"), document);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "holdings.positions[1].qty"), typed);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "market.vols.BTC-PERP"), typedMarket);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "rulebook.groups"), rulebook);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "max_order_size"), sizeWithoutOrder);
    }

    [Fact]
    public async Task CaseDocument_BadField_NamesItsJsonPath()
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(WireCase.First("crypto_delta_one").Document)!;
        doc["input"]!["account"]!["positions"]![0]!["qty"] = "lots";
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "input.account.positions[0].qty"), await Failure(new SimulateRequest { DocumentJson = doc.ToJsonString() }));
    }

    [Fact]
    public async Task HoldingsTheGridCannotMargin_AreRefused_NamingTheHolding()
    {
        var twice = await Failure(new SimulateRequest { Holdings = Holdings(("BTC-PERP", Dec(2))) });
        var spot = await Failure(new SimulateRequest { Holdings = Holdings(("BTC-USDT", Dec(1))) });
        var inverse = await Failure(new SimulateRequest { DocumentJson = Account("""[{"instrument": "BTC-INV-PERP", "qty": 10}]""") });
        var huge = await Failure(new SimulateRequest { Holdings = Holdings(("ETH-PERP", Dec(1_000_000_000_000m))) });
        var market = await Failure(new SimulateRequest { Holdings = Holdings(), MarketJson = """{"asOf": "2026-11-25T08:00:00Z", "index": {"BTC": 60000}}""" });
        var instruments = await Failure(new SimulateRequest
        {
            Holdings = Holdings(),
            InstrumentsJson = """[{"id": "BTC-PERP", "kind": "linear_perp", "group": "NOPE", "underlying": "BTC"}]""",
        });

        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "holdings.positions[1].instrument_id"), twice);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "holdings.positions[1].instrument_id"), spot);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "positions[0].entry"), inverse);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "holdings.positions[1].qty"), huge);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "market.marks.BTC-PERP"), market);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "instruments[0].group"), instruments);
    }

    [Fact]
    public async Task ListsBeyondTheLimit_AreRefused_NamingTheListAndTheSetting()
    {
        // Over the gateway's 64 KiB engine-message bound, inside the Margin service's own (Grid:Margin:MaxRequestBytes).
        var positions = string.Join(",", Enumerable.Range(0, 5_001).Select(i => $"{{\"instrument\": \"P{i}\", \"qty\": 1}}"));
        var request = new SimulateRequest { DocumentJson = Account($"[{positions}]") };
        Assert.True(request.CalculateSize() > 64 * 1024);

        var e = await Assert.ThrowsAsync<RpcException>(() => Trader.SimulateAsync(request).ResponseAsync);
        var detail = Detail(e);
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "positions"), (e.StatusCode, detail.Code, detail.Field));
        Assert.Contains("Grid:Margin:MaxPositions", detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownInstrumentsAndAssets_AreNotFound()
    {
        var instrument = await Failure(new SimulateRequest { Holdings = Holdings(("NOPE-PERP", Dec(1))) });
        var holdings = Holdings();
        holdings.Balances.Add(new SimulatedBalance { Asset = "DOGE", Amount = Dec(1) });
        var asset = await Failure(new SimulateRequest { Holdings = holdings });

        Assert.Equal((StatusCode.NotFound, ErrorCode.UnknownInstrument, "holdings.positions[1].instrument_id"), instrument);
        Assert.Equal((StatusCode.NotFound, ErrorCode.UnknownAsset, "holdings.balances[1].asset"), asset);

        // A candidate order's unknown instrument is a decision, not an error.
        var decided = await Trader.SimulateAsync(new SimulateRequest { Holdings = Holdings(), Order = new WhatIfOrder { InstrumentId = "NOPE-PERP", Side = Side.Buy, Qty = Dec(1), Price = Dec(1) } });
        Assert.Equal(RejectReason.UnknownInstrument, decided.OrderDecision.RejectReason);
    }

    [Fact]
    public async Task ListedButUnpricedInTheLiveMarket_IsFailedPrecondition()
    {
        const string id = "MC-ETH-UNPRICED-C";
        await grid.Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
        {
            Instrument = new InstrumentSpec
            {
                Id = id, Kind = InstrumentKind.Option, Group = "ETH", Underlying = "ETH", Strike = Dec(3_000), OptionType = OptionType.Call,
                Expiry = Time(DateTimeOffset.UtcNow.AddDays(20)), Multiplier = Dec(1), Settlement = "USDC",
            },
        });

        var deadline = DateTime.UtcNow.AddSeconds(15);
        (StatusCode, ErrorCode, string) refused;
        do
        {
            refused = await Failure(new SimulateRequest { Holdings = Holdings((id, Dec(-1))) });
        }
        while (refused.Item1 == StatusCode.NotFound && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal((StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition, "holdings.positions[1].instrument_id"), refused);
    }

    [Fact]
    public async Task RequestsBeyondMaxRequestBytes_AreResourceExhausted()
    {
        var request = new SimulateRequest { DocumentJson = Account("[]") + new string(' ', 5 * 1024 * 1024) };
        var e = await Assert.ThrowsAsync<RpcException>(() => Trader.SimulateAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task EngineAndMarketDataKeys_AreDenied_NoKeyIsUnauthenticated()
    {
        foreach (var key in new[] { TestKeys.Engine, TestKeys.MarketData })
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => new Api.V1.Margin.MarginClient(grid.Host.ChannelAs(key)).SimulateAsync(new SimulateRequest { Holdings = Holdings() }).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        }

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => new Api.V1.Margin.MarginClient(grid.Host.ChannelAs(null)).SimulateAsync(new SimulateRequest { Holdings = Holdings() }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.NotNull((await new Api.V1.Margin.MarginClient(grid.Host.Channel).SimulateAsync(new SimulateRequest { Holdings = Holdings() })).BuyingPower);
    }

    private async Task<(StatusCode, ErrorCode, string)> Failure(SimulateRequest request)
    {
        var (status, detail) = await ContractHostFixture.Failure(Trader.SimulateAsync(request));
        return (status, detail.Code, detail.Field);
    }

    private static ErrorDetail Detail(RpcException e) => e.GetRpcStatus()!.Details.Single(d => d.Is(ErrorDetail.Descriptor)).Unpack<ErrorDetail>();

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    /// <summary>A bare account document: 1,000,000 USD and the positions given as a JSON array.</summary>
    internal static string Account(string positions) => $$"""{"regime": "PM", "balances": {"USD": 1000000}, "positions": {{positions}}}""";

    /// <summary>1,000,000 USD, 1 BTC-PERP at 60,000 and the positions given.</summary>
    internal static SimulatedPortfolio Holdings(params (string Instrument, Api.V1.Decimal Qty)[] more)
    {
        var holdings = new SimulatedPortfolio
        {
            Balances = { new SimulatedBalance { Asset = "USD", Amount = Dec(1_000_000) } },
            Positions = { new SimulatedPosition { InstrumentId = "BTC-PERP", Qty = Dec(1), EntryPrice = Dec(60_000) } },
        };
        foreach (var (instrument, qty) in more)
        {
            holdings.Positions.Add(new SimulatedPosition { InstrumentId = instrument, Qty = qty, EntryPrice = Dec(60_000) });
        }

        return holdings;
    }
}

using Google.Protobuf.WellKnownTypes;
using Grid.Gateway.Margin;
using Grid.Gateway.Validation;
using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Simulation;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Margin;

/// <summary>Margin.Simulate's server-side work without a host: conversion in, the risk core, conversion out.</summary>
public sealed class MarginSimulationTests
{
    private static readonly SimulationMarket Live = new();

    private readonly MarginSimulation _simulation = new(new PortfolioSimulator(), Live, SimulationLimits.Default with { MaxPositions = 3 });

    [Fact]
    public void Holdings_OnTheLiveMarket_GiveTheCoresFiguresRounded()
    {
        var response = _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), CompareRegimes = true, Stress = true, CreditDependency = true });
        var core = AccountBook.Create(Live.Current.Model, new Portfolio
        {
            Balances = new Dictionary<string, double> { ["USD"] = 100_000 },
            Positions = [new Position("BTC-PERP", 2, 59_000), new Position("BTC-30D-60000-C", -1)],
        }).Evaluate();

        var bp = response.BuyingPower;
        Assert.Equal(Money.Requirement(core.Im), Num(bp.InitialMargin));
        Assert.Equal(Money.Equity(core.Ae), Num(bp.Equity));
        Assert.Equal(Wire.AccountState.Ok, bp.State);
        Assert.Equal("", bp.AccountId);
        Assert.Equal(SimulationMarket.AsOf, bp.AsOf.ToDateTimeOffset());
        Assert.Equal(Risk.Rulebooks.Rulebook.Default.Version, bp.RulebookVersion);
        Assert.Equal("BTC", Assert.Single(bp.Groups).Group);
        Assert.Equal("USD", Assert.Single(bp.Collateral).Asset);
        Assert.Equal(core.GroupsPositions["BTC"].ScenarioPnl.Length, Assert.Single(response.ScenarioPnl).Scenarios.Count);
        Assert.Equal((Wire.SimulatedSource.Live, Wire.SimulatedSource.Live, Wire.SimulatedSource.Live), (response.Basis.Rulebook, response.Basis.Instruments, response.Basis.Market));
        Assert.NotNull(response.Regimes);
        Assert.Equal(6, response.Stress.Count);
        Assert.NotNull(response.CreditDependency);
        Assert.Null(response.OrderDecision);
        Assert.Null(response.MaxOrderSize);
    }

    [Fact]
    public void CandidateOrder_IsDecided_WithTheListingsBand_AndSized()
    {
        var outside = _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), Order = Order("BTC-PERP", 1, 70_000), MaxOrderSize = true });
        var inside = _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), Order = Order("BTC-PERP", 1, 60_000), MaxOrderSize = true });
        var bad = _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), Order = Order("BTC-PERP", 0, 60_000), MaxOrderSize = true });

        Assert.Equal((Wire.Decision.Reject, Wire.RejectReason.PriceOutsideBand), (outside.OrderDecision.Decision, outside.OrderDecision.RejectReason));
        Assert.Null(outside.OrderDecision.InitialMarginAfter);
        Assert.StartsWith("price:", outside.OrderFigures.Explanation, StringComparison.Ordinal);
        Assert.Equal(0m, Num(outside.MaxOrderSize.Qty));
        Assert.Equal(Wire.Decision.Accept, inside.OrderDecision.Decision);
        Assert.Equal("w", inside.OrderDecision.ClientOrderId);
        Assert.True(Num(inside.MaxOrderSize.Qty) > 1);
        Assert.True(Num(inside.OrderDecision.InitialMarginAfter) > Num(inside.OrderDecision.InitialMarginBefore));
        Assert.Equal((Wire.Decision.Reject, Wire.RejectReason.InvalidOrder), (bad.OrderDecision.Decision, bad.OrderDecision.RejectReason));
        Assert.Contains("order.qty", bad.OrderFigures.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("holdings.positions[1].qty")]
    [InlineData("holdings.balances[0].amount")]
    [InlineData("holdings.orders[0].side")]
    [InlineData("holdings.regime")]
    public void MalformedTypedFields_AreNamed(string field)
    {
        var holdings = Holdings();
        holdings.Orders.Add(new Wire.SimulatedOrder { InstrumentId = "BTC-PERP", Side = Wire.Side.Buy, Qty = Dec(1), Price = Dec(59_000) });
        switch (field)
        {
            case "holdings.positions[1].qty": holdings.Positions[1].Qty = new Wire.Decimal { Units = 1, Nanos = -5 }; break;
            case "holdings.balances[0].amount": holdings.Balances[0].Amount = null; break;
            case "holdings.orders[0].side": holdings.Orders[0].Side = Wire.Side.Unspecified; break;
            default: holdings.Regime = (Wire.MarginRegime)9; break;
        }

        var e = Assert.Throws<InvalidFieldException>(() => _simulation.Run(new Wire.SimulateRequest { Holdings = holdings }));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void CoreRefusals_NameTheTypedPath_WithTheirFault()
    {
        var unknown = Holdings();
        unknown.Positions[0].InstrumentId = "NOPE";
        var unpriced = Holdings();
        unpriced.Positions.Add(new Wire.SimulatedPosition { InstrumentId = "ETH-30D-3000-C", Qty = Dec(1) });
        var asset = Holdings();
        asset.Balances.Add(new Wire.SimulatedBalance { Asset = "DOGE", Amount = Dec(1) });
        var many = Holdings();
        many.Positions.Add(new Wire.SimulatedPosition { InstrumentId = "ETH-PERP", Qty = Dec(1), EntryPrice = Dec(3_000) });
        many.Positions.Add(new Wire.SimulatedPosition { InstrumentId = "ETH-30D-3000-C", Qty = Dec(1) });

        Assert.Equal((SimulationFault.UnknownInstrument, "holdings.positions[0].instrument_id"), Fault(unknown));
        Assert.Equal((SimulationFault.LiveMarketUnpriced, "holdings.positions[2].instrument_id"), Fault(unpriced));
        Assert.Equal((SimulationFault.UnknownAsset, "holdings.balances[1].asset"), Fault(asset));
        Assert.Equal((SimulationFault.InvalidField, "holdings.positions"), Fault(many));
    }

    [Fact]
    public void GivenMarket_Typed_IsUsedAsItIs_AndCheckedByField()
    {
        var market = new Wire.SimulatedMarket { AsOf = Timestamp.FromDateTimeOffset(SimulationMarket.AsOf.AddHours(1)) };
        market.Index.Add("BTC", Dec(50_000));
        market.Marks.Add("BTC-PERP", Dec(50_000));
        market.Forwards.Add(new Wire.SimulatedForward { Underlying = "BTC", Expiry = Timestamp.FromDateTimeOffset(SimulationMarket.AsOf.AddDays(30)), Price = Dec(50_000) });
        market.Vols.Add("BTC-30D-60000-C", Dec(0.6m));
        var response = _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), Market = market });

        Assert.Equal(Wire.SimulatedSource.Request, response.Basis.Market);
        Assert.Equal(SimulationMarket.AsOf.AddHours(1), response.BuyingPower.AsOf.ToDateTimeOffset());
        Assert.True(Num(response.BuyingPower.DerivativeValue) < 0);

        market.Forwards[0].Price = Dec(-1);
        Assert.Equal("market.forwards[0].price", Assert.Throws<InvalidFieldException>(() => _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), Market = market })).Field);
        market.Forwards[0].Price = Dec(50_000);
        market.Marks.Clear();
        var e = Assert.Throws<SimulationException>(() => _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), Market = market }));
        Assert.Equal("market.marks.BTC-PERP", e.Field);
    }

    [Fact]
    public void GivenInstruments_Typed_CarryTheirOwnLimits()
    {
        var instruments = new Wire.SimulatedInstruments();
        instruments.Specs.Add(new Wire.InstrumentSpec { Id = "BTC-PERP", Kind = Wire.InstrumentKind.LinearPerp, Group = "BTC", Underlying = "BTC", MaxPosition = Dec(3) });
        instruments.Specs.Add(new Wire.InstrumentSpec { Id = "BTC-30D-60000-C", Kind = Wire.InstrumentKind.Option, Group = "BTC", Underlying = "BTC", Strike = Dec(60_000), OptionType = Wire.OptionType.Call, Expiry = Timestamp.FromDateTimeOffset(SimulationMarket.AsOf.AddDays(30)) });
        var response = _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), Instruments = instruments, Order = Order("BTC-PERP", 2, 60_000) });
        Assert.Equal(Wire.RejectReason.MaxPosition, response.OrderDecision.RejectReason);
        Assert.Equal(Wire.SimulatedSource.Request, response.Basis.Instruments);

        instruments.Specs[1].Kind = Wire.InstrumentKind.Unspecified;
        Assert.Equal("instruments[1].kind", Assert.Throws<InvalidFieldException>(() => _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), Instruments = instruments })).Field);
        instruments.Specs[1].Kind = Wire.InstrumentKind.Option;
        instruments.Specs[1].Group = "NOPE";
        Assert.Equal("instruments[1].group", Assert.Throws<SimulationException>(() => _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), Instruments = instruments })).Field);
    }

    [Fact]
    public void NoPortfolio_AndSizeWithoutOrder_AreRefused()
    {
        Assert.Equal((Wire.ErrorCode.Malformed, "portfolio"), Code(() => _simulation.Run(new Wire.SimulateRequest())));
        Assert.Equal((Wire.ErrorCode.InvalidField, "max_order_size"), Code(() => _simulation.Run(new Wire.SimulateRequest { Holdings = Holdings(), MaxOrderSize = true })));
    }

    [Fact]
    public void Documents_AndTheirParts_CanBeOverriddenField_ByField()
    {
        const string account = """{"regime": "PM", "balances": {"USD": 100000}, "positions": [{"instrument": "BTC-PERP", "qty": 2, "entry": 59000}]}""";
        var live = _simulation.Run(new Wire.SimulateRequest { DocumentJson = account });
        var market = _simulation.Run(new Wire.SimulateRequest
        {
            DocumentJson = account,
            MarketJson = """{"asOf": "2026-11-25T08:00:00Z", "index": {"BTC": 40000}, "marks": {"BTC-PERP": 40000}}""",
        });
        var bad = Assert.Throws<SimulationException>(() => _simulation.Run(new Wire.SimulateRequest { DocumentJson = account, RulebookJson = "{\"version\": 3}" }));

        Assert.Equal(Wire.SimulatedSource.Live, live.Basis.Market);
        Assert.Equal(Wire.SimulatedSource.Request, market.Basis.Market);
        Assert.True(Num(market.BuyingPower.Equity) < Num(live.BuyingPower.Equity));
        Assert.StartsWith("rulebook.", bad.Field, StringComparison.Ordinal);
        Assert.Equal("document_json", Assert.Throws<SimulationException>(() => _simulation.Run(new Wire.SimulateRequest { DocumentJson = "{oops" })).Field);
    }

    [Fact]
    public void Audit_SummarisesInputs_AndKeepsTheHeadline()
    {
        var request = new Wire.SimulateRequest { Holdings = Holdings(), Order = Order("BTC-PERP", 1, 60_000), CompareRegimes = true };
        var response = _simulation.Run(request);
        var inputs = SimulationAudit.Inputs(request).ToJson();
        var outcome = SimulationAudit.Outcome(response);

        Assert.Contains("\"portfolio\":\"holdings\"", inputs, StringComparison.Ordinal);
        Assert.Contains("\"positions\":2", inputs, StringComparison.Ordinal);
        Assert.Contains("\"order\":\"BTC-PERP:Buy:1:60000\"", inputs, StringComparison.Ordinal);
        Assert.Contains("compare_regimes", inputs, StringComparison.Ordinal);
        Assert.Matches("\"sha256\":\"[0-9a-f]{64}\"", inputs);
        Assert.Equal(response.BuyingPower.InitialMargin, outcome.BuyingPower.InitialMargin);
        Assert.Empty(outcome.BuyingPower.Groups);
        Assert.Equal(response.OrderDecision, outcome.OrderDecision);
        Assert.Empty(outcome.Regimes.Silos);
        Assert.NotEmpty(response.BuyingPower.Groups);
    }

    private (SimulationFault, string) Fault(Wire.SimulatedPortfolio holdings)
    {
        var e = Assert.Throws<SimulationException>(() => _simulation.Run(new Wire.SimulateRequest { Holdings = holdings }));
        return (e.Fault, e.Field);
    }

    private static (Wire.ErrorCode, string) Code(Action run)
    {
        var e = Assert.Throws<InvalidFieldException>(run);
        return (e.Code, e.Field);
    }

    private static Wire.SimulatedPortfolio Holdings() => new()
    {
        Balances = { new Wire.SimulatedBalance { Asset = "USD", Amount = Dec(100_000) } },
        Positions =
        {
            new Wire.SimulatedPosition { InstrumentId = "BTC-PERP", Qty = Dec(2), EntryPrice = Dec(59_000) },
            new Wire.SimulatedPosition { InstrumentId = "BTC-30D-60000-C", Qty = Dec(-1) },
        },
    };

    private static Wire.WhatIfOrder Order(string instrument, decimal qty, decimal price)
        => new() { ClientOrderId = "w", InstrumentId = instrument, Side = Wire.Side.Buy, Qty = Dec(qty), Price = Dec(price) };

    private static Wire.Decimal Dec(decimal value) => Grid.Gateway.Conversion.WireDecimal.From(value);

    private static decimal Num(Wire.Decimal value) => Grid.Gateway.Conversion.WireDecimal.ToDecimal(value, "x");
}

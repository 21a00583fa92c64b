using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using Grid.Risk.Simulation;
using Grid.Risk.Stress;

namespace Grid.Risk.Tests.Simulation;

/// <summary>The simulator against a live listing: what it takes from it, what it refuses and how, and the one decision.</summary>
public sealed class PortfolioSimulatorTests
{
    private static readonly PortfolioSimulator Simulator = new();

    private static readonly Instrument EthCall = new()
    {
        Id = "ETH-30D-3000-C", Kind = InstrumentKind.Option, Group = "ETH", Underlying = "ETH", Strike = 3_000,
        OptionType = OptionType.Call, Expiry = TestMarket.AsOf.AddDays(30), Settlement = "USDC",
    };

    [Fact]
    public void LiveMarket_NothingGiven_MarginsOnTheLiveModelItself()
    {
        var live = Listing();
        var result = Simulator.Run(Inputs(Holdings()), live, null, SimulationFigures.All);
        var direct = AccountBook.Create(live.Model, Holdings()).Evaluate();

        Assert.Same(live.Model, result.Basis.Model);
        Assert.True(result.Basis.LiveMarket && result.Basis.LiveRulebook && result.Basis.LiveInstruments);
        Assert.Equal(direct.Im, result.Report.Im);
        Assert.Equal(direct.Ae, result.Report.Ae);
        Assert.NotNull(result.Regimes);
        Assert.NotNull(result.Dependency);
        Assert.Null(result.Order);
        Assert.Null(result.MaxOrderUnits);

        var market = StressMarket.Build(live.Model);
        var expected = new StressOutcome[market.Count];
        market.Evaluate(AccountBook.Create(live.Model, Holdings()), expected);
        Assert.Equal(6, result.Stress.Count);
        Assert.Equal(expected, result.Stress);
    }

    [Fact]
    public void GivenRulebook_OnTheLiveMarket_CompilesAModelOfItsOwn()
    {
        var live = Listing();
        var rulebook = Rulebook.Default with { Version = "what-if", MmFraction = 0.5 };
        var result = Simulator.Run(Inputs(Holdings()) with { Rulebook = rulebook }, live, null, SimulationFigures.None);
        var live08 = Simulator.Run(Inputs(Holdings()), live, null, SimulationFigures.None);

        Assert.NotSame(live.Model, result.Basis.Model);
        Assert.False(result.Basis.LiveRulebook);
        Assert.True(result.Basis.LiveMarket);
        Assert.Equal("what-if", result.Basis.Model.Rulebook.Version);
        Assert.Equal(live08.Report.ImPositions, result.Report.ImPositions, 6);
        Assert.Equal(0.5 * result.Report.ImPositions, result.Report.Mm, 6);
    }

    [Fact]
    public void UnknownAndUnpriced_AreRefused_NamingTheHolding()
    {
        var live = Listing();
        var unknown = Refused(Holdings(positions: [new Position("NOPE-PERP", 1, 100)]), live);
        var asset = Refused(new Portfolio { Balances = new Dictionary<string, double> { ["DOGE"] = 5 } }, live);
        var unpriced = Refused(Holdings(positions: [new Position(EthCall.Id, 1)]), live);

        Assert.Equal((SimulationFault.UnknownInstrument, "holdings.positions[0].instrument"), (unknown.Fault, unknown.Field));
        Assert.Equal((SimulationFault.UnknownAsset, "holdings.balances.DOGE"), (asset.Fault, asset.Field));
        Assert.Equal((SimulationFault.LiveMarketUnpriced, "holdings.positions[0].instrument"), (unpriced.Fault, unpriced.Field));
        Assert.Contains("no vol yet", unpriced.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenMarket_IsNotCompleted_FromTheLiveOne()
    {
        var market = TestMarket.Market() with { Marks = new Dictionary<string, double>() };
        var e = Assert.Throws<SimulationException>(() => Simulator.Run(Inputs(Holdings()) with { Market = market, MarketPath = "market" }, Listing(), null, SimulationFigures.None));
        Assert.Equal((SimulationFault.InvalidField, "market.marks.BTC-PERP"), (e.Fault, e.Field));

        // Not held, not needed: the unpriced perp is simply left out.
        var options = Simulator.Run(Inputs(new Portfolio { Balances = Usd(1_000_000), Positions = [new Position(TestMarket.Call.Id, -1)] }) with { Market = market }, Listing(), null, SimulationFigures.None);
        Assert.True(options.Report.Im > 0);
        Assert.False(options.Basis.LiveMarket);
    }

    [Theory]
    [InlineData("BTC-PERP", 1.0, 60_000.0, 0.0, "holdings.positions[1].instrument")]
    [InlineData("BTC-PERP", 1e11, 60_000.0, 0.0, "holdings.positions[1].qty")]
    [InlineData("BTC-PERP", double.NaN, 60_000.0, 0.0, "holdings.positions[1].qty")]
    [InlineData("BTC-PERP", 1.0, -5.0, 0.0, "holdings.positions[1].entry")]
    [InlineData("BTC-PERP", 1.0, 60_000.0, double.PositiveInfinity, "holdings.positions[1].funding")]
    public void BadPosition_IsRefused_NamingItsField(string instrument, double qty, double entry, double funding, string field)
    {
        // positions[0] is BTC-PERP already: a second one is a duplicate unless it is the one at fault for another reason.
        var first = instrument == "BTC-PERP" && qty == 1.0 && entry > 0 && double.IsFinite(funding) ? "BTC-PERP" : TestMarket.Call.Id;
        var e = Refused(Holdings(positions: [new Position(first, 1, 60_000), new Position(instrument, qty, entry, funding)]), Listing());
        Assert.Equal((SimulationFault.InvalidField, field), (e.Fault, e.Field));
    }

    [Fact]
    public void CoinMarginedWithoutEntry_SpotAsPosition_AndHugeBalances_AreRefused()
    {
        var inverse = new Instrument { Id = "BTC-INV", Kind = InstrumentKind.InversePerp, Group = "BTC", Underlying = "BTC", Multiplier = 100 };
        var spot = new Instrument { Id = "BTC-USDT", Kind = InstrumentKind.Spot, Group = "BTC", Underlying = "BTC", Quote = "USDT" };
        var market = TestMarket.Market() with { Marks = new Dictionary<string, double> { ["BTC-PERP"] = 60_000, ["BTC-INV"] = 60_000, ["BTC-USDT"] = 60_000 } };
        var live = ListedMarket.Of(RiskModel.Build(Rulebook.Default, [TestMarket.Perp, inverse, spot], market));

        Assert.Equal("holdings.positions[0].entry", Refused(Holdings(positions: [new Position("BTC-INV", 10)]), live).Field);
        Assert.Equal("holdings.positions[0].instrument", Refused(Holdings(positions: [new Position("BTC-USDT", 1)]), live).Field);
        Assert.Equal("holdings.balances.BTC", Refused(new Portfolio { Balances = new Dictionary<string, double> { ["BTC"] = 1e12 } }, live).Field);
        Assert.Equal("holdings.orders[0].price", Refused(Holdings(positions: [], orders: [new RestingOrder("BTC-PERP", Side.Buy, 1, 0)]), live).Field);
    }

    [Fact]
    public void Limits_AreRefused_NamingTheListAndTheSetting()
    {
        var inputs = Inputs(Holdings(positions: [new Position("BTC-PERP", 1, 60_000), new Position(TestMarket.Call.Id, 1)]));
        var e = Assert.Throws<SimulationException>(() => new SimulationLimits { MaxPositions = 1 }.Check(inputs));
        Assert.Equal("holdings.positions", e.Field);
        Assert.Contains("Grid:Margin:MaxPositions", e.Problem, StringComparison.Ordinal);
        SimulationLimits.Default.Check(inputs);
    }

    [Fact]
    public void CandidateOrder_GetsTheLiveChecksDecision_WithTheListingsLimits()
    {
        var limits = new Dictionary<string, TradingLimits> { ["BTC-PERP"] = new() { PriceBand = 0.05, MaxPosition = 10 } };
        var stale = false;
        var model = TestMarket.Model();
        var live = new ListedMarket(model, [TestMarket.Perp, TestMarket.Call, EthCall], Unpriced(), limits, _ => stale);
        var inputs = Inputs(Holdings());

        var band = Simulator.Run(inputs, live, new CandidateOrder("BTC-PERP", Side.Buy, 1, 70_000), SimulationFigures.MaxOrderSize);
        var position = Simulator.Run(inputs, live, new CandidateOrder("BTC-PERP", Side.Buy, 50, 60_000), SimulationFigures.None);
        var fine = Simulator.Run(inputs, live, new CandidateOrder("BTC-PERP", Side.Buy, 1, 60_000, Label: "a"), SimulationFigures.MaxOrderSize);
        stale = true;
        var aged = Simulator.Run(inputs, live, new CandidateOrder("BTC-PERP", Side.Buy, 1, 60_000), SimulationFigures.None);
        var unknown = Simulator.Run(inputs, live, new CandidateOrder("NOPE", Side.Buy, 1, 1), SimulationFigures.MaxOrderSize);
        var noPrice = Simulator.Run(inputs, live, new CandidateOrder(EthCall.Id, Side.Buy, 1, 1), SimulationFigures.None);

        Assert.Equal(RejectReason.PriceOutsideBand, band.Order!.Result.Reason);
        Assert.StartsWith("price:", band.Order.Explanation, StringComparison.Ordinal);
        Assert.Equal(0, band.MaxOrderUnits);
        Assert.Equal(RejectReason.MaxPosition, position.Order!.Result.Reason);
        Assert.Equal(Decision.Accept, fine.Order!.Result.Decision);
        Assert.Equal("", fine.Order.Explanation);
        var book = AccountBook.Create(model, Holdings());
        Assert.Equal(MaxOrderSize.Units(book, model.Instrument("BTC-PERP").Index, Side.Buy, 60_000, limits["BTC-PERP"], default), fine.MaxOrderUnits);
        Assert.Equal(RejectReason.StalePrice, aged.Order!.Result.Reason);
        Assert.Equal((RejectReason.UnknownInstrument, 0L), (unknown.Order!.Result.Reason, unknown.MaxOrderUnits!.Value));
        Assert.Equal(RejectReason.NoPrice, noPrice.Order!.Result.Reason);

        // Given instruments carry no listing limits; a given market carries no price ages.
        var given = Simulator.Run(inputs with { Instruments = [TestMarket.Perp, TestMarket.Call] }, live, new CandidateOrder("BTC-PERP", Side.Buy, 1, 70_000), SimulationFigures.None);
        var ownMarket = Simulator.Run(inputs with { Market = TestMarket.Market() }, live, new CandidateOrder("BTC-PERP", Side.Buy, 1, 60_000), SimulationFigures.None);
        Assert.Equal(Decision.Accept, given.Order!.Result.Decision);
        Assert.Equal(Decision.Accept, ownMarket.Order!.Result.Decision);
    }

    [Fact]
    public void NoLiveMarket_AndNothingGiven_IsRefused()
    {
        var e = Assert.Throws<SimulationException>(() => Simulator.Run(Inputs(Holdings()), null, null, SimulationFigures.None));
        Assert.Equal(SimulationFault.NoLiveMarket, e.Fault);
    }

    private static SimulationException Refused(Portfolio portfolio, ListedMarket live)
        => Assert.Throws<SimulationException>(() => Simulator.Run(Inputs(portfolio), live, null, SimulationFigures.None));

    private static ListedMarket Listing()
        => new(TestMarket.Model(), [TestMarket.Perp, TestMarket.Call, EthCall], Unpriced(), new Dictionary<string, TradingLimits>());

    private static Dictionary<string, string> Unpriced() => new() { [EthCall.Id] = "no vol yet" };

    private static SimulationInputs Inputs(Portfolio portfolio) => new() { Portfolio = portfolio, Paths = new TypedPaths() };

    private static Portfolio Holdings(Position[]? positions = null, RestingOrder[]? orders = null) => new()
    {
        Balances = Usd(1_000_000),
        Positions = positions ?? [new Position("BTC-PERP", 2, 59_000), new Position(TestMarket.Call.Id, -3)],
        Orders = orders ?? [],
    };

    private static Dictionary<string, double> Usd(double amount) => new() { ["USD"] = amount };

    // Paths as the gateway's typed messages spell them.
    private sealed class TypedPaths : HoldingPaths
    {
        public override string Root => "holdings";

        public override string Positions => "holdings.positions";

        public override string Orders => "holdings.orders";

        public override string Balances => "holdings.balances";

        public override string Balance(string asset, HoldingField field) => $"holdings.balances.{asset}";

        public override string Position(int index, HoldingField field) => $"holdings.positions[{index}].{Name(field)}";

        public override string Order(int index, HoldingField field) => $"holdings.orders[{index}].{Name(field)}";

        private static string Name(HoldingField field) => field == HoldingField.Id ? "instrument" : field.ToString().ToLowerInvariant();
    }
}

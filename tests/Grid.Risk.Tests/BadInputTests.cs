using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests;

/// <summary>Bad inputs give clear errors that name the field, never a wrong number.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.PositiveInfinity)]
    public void Build_BadMark_NamesTheMark(double mark)
    {
        var e = Assert.Throws<RiskInputException>(() => TestMarket.Model(TestMarket.Market(mark: mark)));
        Assert.Contains("BTC", e.Field);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    public void Build_BadIndex_NamesTheIndex(double index)
    {
        var e = Assert.Throws<RiskInputException>(() => TestMarket.Model(TestMarket.Market(index: index)));
        Assert.Equal("index.BTC", e.Field);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.3)]
    [InlineData(double.NaN)]
    public void Build_NonPositiveVol_NamesTheVol(double vol)
    {
        var e = Assert.Throws<RiskInputException>(() => TestMarket.Model(TestMarket.Market(vol: vol)));
        Assert.Equal("vols.BTC-30D-60000-C", e.Field);
    }

    [Fact]
    public void Build_ExpiredOption_IsRefused()
    {
        var expired = TestMarket.Call with { Id = "BTC-OLD-C", Expiry = TestMarket.AsOf.AddDays(-1) };
        var market = TestMarket.Market() with { Vols = new Dictionary<string, double> { ["BTC-OLD-C"] = 0.5, ["BTC-30D-60000-C"] = 0.5 } };
        var e = Assert.Throws<RiskInputException>(() => RiskModel.Build(Rulebook.Default, [TestMarket.Perp, expired], market));
        Assert.Equal("instruments.BTC-OLD-C.expiry", e.Field);
        Assert.Contains("expired", e.Message);
    }

    [Fact]
    public void Build_UnknownGroup_IsRefused()
    {
        var stray = TestMarket.Perp with { Id = "XRP-PERP", Group = "XRP" };
        var e = Assert.Throws<RiskInputException>(() => RiskModel.Build(Rulebook.Default, [stray], TestMarket.Market()));
        Assert.Equal("instruments.XRP-PERP.group", e.Field);
    }

    [Fact]
    public void Create_UnknownAssetOrInstrument_NamesIt()
    {
        var model = TestMarket.Model();
        var asset = Assert.Throws<RiskInputException>(() => AccountBook.Create(model, new Portfolio { Balances = new Dictionary<string, double> { ["DOGE"] = 1 } }));
        Assert.Equal("balances.DOGE", asset.Field);
        var instrument = Assert.Throws<RiskInputException>(() => AccountBook.Create(model, new Portfolio { Positions = [new Position("SOL-PERP", 1)] }));
        Assert.Equal("positions.SOL-PERP", instrument.Field);
        var nan = Assert.Throws<RiskInputException>(() => AccountBook.Create(model, new Portfolio { Positions = [new Position("BTC-PERP", double.NaN)] }));
        Assert.Equal("positions.BTC-PERP.qty", nan.Field);
    }

    [Theory]
    [InlineData(double.NaN, 60_000.0)]
    [InlineData(0.0, 60_000.0)]
    [InlineData(-1.0, 60_000.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(1.0, 0.0)]
    [InlineData(1.0, double.NegativeInfinity)]
    public void Check_InvalidOrder_RejectsWithoutTouchingTheBook(double qty, double price)
    {
        var book = TestMarket.Account(100_000);
        var before = book.StateHash();
        var r = book.Check("BTC-PERP", Side.Buy, qty, price);
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Equal(RejectReason.InvalidOrder, r.Reason);
        Assert.Equal(before, book.StateHash());
    }

    [Fact]
    public void Check_UnknownInstrument_Rejects()
    {
        var r = TestMarket.Account(100_000).Check("NOPE", Side.Buy, 1, 1);
        Assert.Equal(RejectReason.UnknownInstrument, r.Reason);
    }

    [Fact]
    public void AddOrder_Invalid_ThrowsAndLeavesBookUnchanged()
    {
        var book = TestMarket.Account(100_000);
        var before = book.StateHash();
        Assert.Throws<RiskInputException>(() => book.AddOrder(new RestingOrder("BTC-PERP", Side.Buy, -1, 60_000)));
        Assert.Throws<RiskInputException>(() => book.AddOrder(new RestingOrder("BTC-PERP", (Side)7, 1, 60_000)));
        Assert.Equal(before, book.StateHash());
        Assert.Equal(0, book.RestingOrderCount);
    }

    [Fact]
    public void Money_RoundsRequirementsUpAndEquityDown()
    {
        Assert.Equal(10.01m, Margin.Money.Requirement(10.001));
        Assert.Equal(10.00m, Margin.Money.Equity(10.009));
        Assert.Equal(0.30m, Margin.Money.Requirement(0.1 + 0.2));
        Assert.Equal(-10.01m, Margin.Money.Equity(-10.001));
        Assert.Throws<ArgumentOutOfRangeException>(() => Margin.Money.Requirement(double.NaN));
    }

    [Fact]
    public void Money_BeyondTheBound_SaturatesInsteadOfOverflowing()
    {
        Assert.Equal(Margin.Money.Bound, Margin.Money.Requirement(1e30));
        Assert.Equal(-Margin.Money.Bound, Margin.Money.Equity(-1e30));
        Assert.Equal(Margin.Money.Bound, Margin.Money.Equity(9.5e18));
        Assert.Equal(1e15m, Margin.Money.Requirement(1e15));
    }
}

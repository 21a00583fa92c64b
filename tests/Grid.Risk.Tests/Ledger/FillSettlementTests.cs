using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Ledger;
using Grid.Risk.Market;
using Grid.Risk.Tests.Properties;

namespace Grid.Risk.Tests.Ledger;

/// <summary>Fill settlement: the fee rules (fees.maxRate) and the ledger and book moving together.</summary>
public sealed class FillSettlementTests
{
    private static readonly RiskModel Model = TestMarket.Model();

    private static Instrument Perp => Model.Instrument("BTC-PERP").Spec;

    private static Instrument Call => Model.Instrument("BTC-30D-60000-C").Spec;

    [Theory]
    [InlineData(6)]
    [InlineData(-6)]
    [InlineData(0)]
    public void AFeeWithinTheRulebookMaximum_IsBooked_InTheSettlementAsset(decimal fee)
    {
        var (ledger, book) = Account();

        var refused = FillSettlement.Book(ledger, book, Model, Perp, new FillTerms(Side.Buy, 0.01m, 60_000, fee));

        Assert.False(refused.Refused, refused.ToString());
        Assert.Equal(0.01m, ledger.Position("BTC-PERP").Qty);
        Assert.Equal(-fee, ledger.Balance("USDT"));
        Assert.Equal((double)-fee, book.Balance("USDT"), 9);
    }

    [Theory]
    [InlineData(6.01)]
    [InlineData(-6.01)]
    [InlineData(1_000_000)]
    public void AFeeOrRebateBeyondTheMaximum_IsRefused_NamingTheField_AndNothingChanges(decimal fee)
    {
        var (ledger, book) = Account();
        var before = book.Evaluate();

        var refused = FillSettlement.Book(ledger, book, Model, Perp, new FillTerms(Side.Buy, 0.01m, 60_000, fee));

        Assert.True(refused.Refused);
        Assert.Equal("filled.fee", refused.Field);
        Assert.Contains("fees.maxRate", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0m, ledger.Position("BTC-PERP").Qty);
        Assert.Equal(0m, ledger.Balance("USDT"));
        Assert.Equal(before.Ae, book.Evaluate().Ae);
        Assert.Equal(0, book.PositionOf("BTC-PERP"));
    }

    [Fact]
    public void AZeroMaximum_AllowsNoFee()
    {
        var model = RiskModel.Build(Model.Rulebook with { MaxFeeRate = 0 }, [TestMarket.Perp], TestMarket.Market());
        var (ledger, book) = Account(model);

        Assert.Equal("filled.fee", FillSettlement.Book(ledger, book, model, Perp, new FillTerms(Side.Buy, 1, 60_000, 0.01m)).Field);
        Assert.False(FillSettlement.Book(ledger, book, model, Perp, new FillTerms(Side.Buy, 1, 60_000, 0)).Refused);
    }

    [Fact]
    public void AnOptionFee_IsBoundedOnTheUnderlyingNotional_AndTheOptionKeepsNoEntry()
    {
        var (ledger, book) = Account();

        var refused = FillSettlement.Book(ledger, book, Model, Call, new FillTerms(Side.Buy, 1, 3_000, 600m));

        Assert.False(refused.Refused, refused.ToString());
        Assert.Equal(0m, ledger.Position(Call.Id).Entry);
        Assert.Equal(-3_600m, ledger.Balance("USDC"));
        Assert.Equal("filled.fee", FillSettlement.Book(ledger, book, Model, Call, new FillTerms(Side.Buy, 1, 3_000, 600.01m)).Field);
    }

    [Fact]
    public void ASpotPairWhoseQuoteTheRulebookDoesNotList_IsRefused()
    {
        var pair = new Instrument { Id = "BTC-EUR", Kind = InstrumentKind.Spot, Underlying = "BTC", Quote = "EUR" };
        var (ledger, book) = Account();

        var refused = FillSettlement.Book(ledger, book, Model, pair, new FillTerms(Side.Buy, 1, 55_000, 0));

        Assert.Equal("filled.instrument_id", refused.Field);
        Assert.Equal(0m, ledger.Balance("BTC"));
    }

    [Fact]
    public void AFillBeyondTheGridsValueLimit_IsRefused()
    {
        var (ledger, book) = Account();

        var refused = FillSettlement.Book(ledger, book, Model, Perp, new FillTerms(Side.Buy, 20_000_000_000m, 60_000, 0));

        Assert.Equal("filled.qty", refused.Field);
        Assert.Equal(0m, ledger.Position("BTC-PERP").Qty);
    }

    private static (MemoryLedger Ledger, AccountBook Book) Account(RiskModel? model = null)
    {
        var portfolio = new Portfolio { Balances = new Dictionary<string, double> { ["USD"] = 1_000_000 } };
        return (MemoryLedger.From(portfolio), AccountBook.Create(model ?? Model, portfolio));
    }
}

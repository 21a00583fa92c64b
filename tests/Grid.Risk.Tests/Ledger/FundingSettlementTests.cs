using Grid.Risk.Accounts;
using Grid.Risk.Ledger;
using Grid.Risk.Market;
using Grid.Risk.Tests.Properties;

namespace Grid.Risk.Tests.Ledger;

/// <summary>Funding: accrued to the position (DV, so AE), settled into the settlement balance.</summary>
public sealed class FundingSettlementTests
{
    private static readonly RiskModel Model = TestMarket.Model();

    [Fact]
    public void Accruing_MovesUnsettledFundingAndAeByTheAmount()
    {
        var (ledger, book) = Account();
        var before = book.Evaluate().Ae;

        var refused = FundingSettlement.Apply(ledger, book, Model, Model.Instrument("BTC-PERP").Spec, 125.5m, settle: false, "funding.");

        Assert.False(refused.Refused);
        Assert.Equal(125.5m, ledger.Position("BTC-PERP").Funding);
        Assert.Equal(before + 125.5, book.Evaluate().Ae, 6);
        Assert.Equal(0m, ledger.Balance("USDT"));
    }

    [Fact]
    public void Settling_MovesTheUnsettledFundingIntoTheSettlementBalance()
    {
        var (ledger, book) = Account();
        var spec = Model.Instrument("BTC-PERP").Spec;
        FundingSettlement.Apply(ledger, book, Model, spec, -40m, settle: false, "funding.");

        var refused = FundingSettlement.Apply(ledger, book, Model, spec, -10m, settle: true, "funding.");

        Assert.False(refused.Refused);
        Assert.Equal(0m, ledger.Position("BTC-PERP").Funding);
        Assert.Equal(-50m, ledger.Balance("USDT"));
        Assert.Equal(-50, book.Balance("USDT"), 9);
        Assert.Equal(2m, ledger.Position("BTC-PERP").Qty);
    }

    [Fact]
    public void WithoutAPosition_OrOnASpotInstrument_FundingIsRefused()
    {
        var (ledger, book) = Account();

        var none = FundingSettlement.Apply(ledger, book, Model, Model.Instrument("BTC-30D-60000-C").Spec, 1m, settle: false, "funding.");

        Assert.Equal("funding.instrument_id", none.Field);
        Assert.Equal(0m, ledger.Position("BTC-30D-60000-C").Funding);
    }

    [Fact]
    public void FundingBeyondTheGridsValueLimit_IsRefused()
    {
        var (ledger, book) = Account();

        var refused = FundingSettlement.Apply(ledger, book, Model, Model.Instrument("BTC-PERP").Spec, 2e15m, settle: false, "");

        Assert.Equal("accrue", refused.Field);
        Assert.Equal(0m, ledger.Position("BTC-PERP").Funding);
    }

    private static (MemoryLedger Ledger, AccountBook Book) Account()
    {
        var portfolio = new Portfolio
        {
            Balances = new Dictionary<string, double> { ["USD"] = 100_000 },
            Positions = [new Position("BTC-PERP", 2, 60_000)],
        };
        return (MemoryLedger.From(portfolio), AccountBook.Create(Model, portfolio));
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Risk.Tests;

/// <summary>Risk-reducing orders always pass when they reduce risk, even in margin call (Rulebook §3.8 step 3, §4 item 17).</summary>
public sealed class MarginCallTests
{
    // Long 10 BTC perp at 60,000: PM IM = 96,000, MM = 76,800.
    private static AccountBook InState(double usd) => TestMarket.Account(usd, new Position("BTC-PERP", 10, 60_000));

    [Fact]
    public void ReduceOnlyAccount_ClosingOrder_AcceptedAsRiskReducing()
    {
        var book = InState(80_000);
        Assert.Equal(AccountState.ReduceOnly, book.Evaluate().State);
        var r = book.Check("BTC-PERP", Side.Sell, 4, 59_990);
        Assert.Equal(Decision.AcceptRiskReducing, r.Decision);
        Assert.True(r.Mm < r.MmBefore);
    }

    [Fact]
    public void LiquidatingAccount_FullClose_Accepted()
    {
        var book = InState(70_000);
        Assert.Equal(AccountState.Liquidate, book.Evaluate().State);
        var r = book.Check("BTC-PERP", Side.Sell, 10, 59_990);
        Assert.True(r.Accepted, $"{r}");
        Assert.Equal(0, r.Mm);
    }

    [Fact]
    public void ReduceOnlyAccount_IncreasingOrder_RejectedAsReduceOnlyWithShortfall()
    {
        var book = InState(80_000);
        var r = book.Check("BTC-PERP", Side.Buy, 1, 60_010);
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Equal(RejectReason.ReduceOnly, r.Reason);
        Assert.Equal(r.Im - r.Ae, r.Shortfall, 9);
        Assert.True(r.Shortfall > 0);
    }

    [Fact]
    public void HealthyAccount_OversizedOrder_RejectedAsInsufficientMargin()
    {
        var book = InState(200_000);
        Assert.Equal(AccountState.Ok, book.Evaluate().State);
        var r = book.Check("BTC-PERP", Side.Buy, 100, 60_010);
        Assert.Equal(RejectReason.InsufficientMargin, r.Reason);
    }

    [Fact]
    public void BankruptAccount_PassesNoOrder()
    {
        var book = TestMarket.Account(-1_000, new Position("BTC-PERP", 10, 60_000));
        Assert.Equal(AccountState.Bankrupt, book.Evaluate().State);
        var r = book.Check("BTC-PERP", Side.Sell, 10, 59_990);
        Assert.Equal(RejectReason.AccountBankrupt, r.Reason);
    }

    [Fact]
    public void Liquidation_EndsOnlyAboveLiqEndFraction_Hysteresis()
    {
        // Above MM (76,800) a liquidation still holds until AE ≥ 0.9 × IM = 86,400.
        var stays = InState(85_000);
        stays.PreviousState = AccountState.Liquidate;
        Assert.Equal(AccountState.Liquidate, stays.Evaluate().State);
        var ends = InState(87_000);
        ends.PreviousState = AccountState.Liquidate;
        Assert.Equal(AccountState.ReduceOnly, ends.Evaluate().State);
        var fresh = InState(85_000);
        Assert.Equal(AccountState.ReduceOnly, fresh.Evaluate().State);
    }

    [Fact]
    public void Withdrawal_BreachingIm_IsRefused_AndSmallerOnePasses()
    {
        var book = InState(150_000);
        var refused = book.CheckWithdrawal("USD", 60_000);
        Assert.Equal(RejectReason.WithdrawalExceedsAvailable, refused.Reason);
        Assert.Equal(6_000, refused.Shortfall, 6);
        Assert.True(book.CheckWithdrawal("USD", 54_000).Accepted);
        Assert.Equal(RejectReason.UnknownAsset, book.CheckWithdrawal("DOGE", 1).Reason);
        Assert.Equal(RejectReason.InvalidOrder, book.CheckWithdrawal("USD", -5).Reason);
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Ledger;
using Grid.Risk.Market;
using Grid.Risk.Tests.Properties;

namespace Grid.Risk.Tests.Ledger;

/// <summary>Deposits and withdrawals: the checks, and the ledger and book moving together.</summary>
public sealed class BalanceRulesTests
{
    private static readonly RiskModel Model = TestMarket.Model();

    [Theory]
    [InlineData("DOGE", 1, RejectReason.UnknownAsset)]
    [InlineData("USD", 0, RejectReason.InvalidOrder)]
    [InlineData("USD", 2e15, RejectReason.InvalidOrder)]
    [InlineData("USD", 5, RejectReason.None)]
    [InlineData("SPY", 5, RejectReason.NoPrice)]
    public void Deposit_Checks(string asset, decimal amount, RejectReason expected)
    {
        var (ledger, book) = Account();

        Assert.Equal(expected, BalanceRules.Deposit(ledger, book, Model, asset, amount));
        Assert.Equal(expected == RejectReason.None ? 100_005m : 100_000m, ledger.Balance("USD"));
        Assert.Equal(0m, ledger.Balance("SPY"));
        Assert.Equal((double)ledger.Balance("USD"), book.Balance("USD"));
    }

    [Fact]
    public void Withdraw_FromAFrozenAccount_IsRefused()
        => Assert.Equal(RejectReason.AccountFrozen, BalanceRules.Withdraw(Account().Ledger, Account().Book, "USD", 1, frozen: true).Reason);

    [Fact]
    public void Withdraw_BeyondTheBalanceOrTheExcess_IsRefused_WithinIt_Debits()
    {
        var (ledger, book) = Account();

        Assert.Equal(RejectReason.WithdrawalExceedsAvailable, BalanceRules.Withdraw(ledger, book, "USD", 100_001, frozen: false).Reason);
        var margin = BalanceRules.Withdraw(ledger, book, "USD", 99_000, frozen: false);
        Assert.Equal(RejectReason.WithdrawalExceedsAvailable, margin.Reason);
        Assert.True(margin.Shortfall > 0);
        Assert.True(BalanceRules.Withdraw(ledger, book, "USD", 50_000, frozen: false).Accepted);
        Assert.Equal(50_000m, ledger.Balance("USD"));
        Assert.Equal(50_000, book.Balance("USD"));
    }

    [Fact]
    public void Withdraw_FromAnAccountThatCannotBeMargined_IsRefused()
        => Assert.Equal(RejectReason.NoPrice, BalanceRules.Withdraw(Account().Ledger, null, "USD", 1, frozen: false).Reason);

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

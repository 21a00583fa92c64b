using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Market;

namespace Grid.Risk.Ledger;

/// <summary>
/// Deposits and withdrawals: the checks a treasury movement passes, then the ledger and the book move
/// together. A deposit needs a listed asset, a positive amount and a balance that stays within the
/// grid's value limit and a priced asset; a withdrawal also needs an account that is not frozen, a balance that holds it
/// (no withdrawal into a borrow) and equity after order costs that still covers the order-inclusive IM
/// (Rulebook §3.8 buying power).
/// </summary>
public static class BalanceRules
{
    /// <summary>Credits <paramref name="amount"/> of <paramref name="asset"/>; the reason it was refused, or <see cref="RejectReason.None"/>.</summary>
    public static RejectReason Deposit(IAccountLedger ledger, AccountBook? book, RiskModel model, string asset, decimal amount)
    {
        if (!model.Rulebook.Assets.ContainsKey(asset))
        {
            return RejectReason.UnknownAsset;
        }

        if (amount <= 0 || TooLarge(ledger, model, asset, amount))
        {
            return RejectReason.InvalidOrder;
        }

        if (!Priced(model, asset))
        {
            // A balance the book cannot value would leave the account unable to be margined.
            return RejectReason.NoPrice;
        }

        FillSettlement.Move(ledger, book, asset, amount);
        return RejectReason.None;
    }

    /// <summary>
    /// Debits <paramref name="amount"/> of <paramref name="asset"/> if the account may let it go; the outcome
    /// with the USD shortfall when refused. <paramref name="book"/> null (the account cannot be margined now)
    /// refuses with <see cref="RejectReason.NoPrice"/>.
    /// </summary>
    public static WithdrawalResult Withdraw(IAccountLedger ledger, AccountBook? book, string asset, decimal amount, bool frozen)
    {
        if (frozen)
        {
            return new WithdrawalResult(false, RejectReason.AccountFrozen, 0, double.NaN);
        }

        if (book is null || (book.Model.TryGetAsset(asset, out _) && !Priced(book.Model, asset)))
        {
            return new WithdrawalResult(false, RejectReason.NoPrice, 0, double.NaN);
        }

        var check = book.CheckWithdrawal(asset, (double)amount);
        if (check.Accepted && amount > ledger.Balance(asset))
        {
            // The book's double may round a full withdrawal up to the balance; the ledger's decimal decides.
            check = new WithdrawalResult(false, RejectReason.WithdrawalExceedsAvailable, 0, check.ExcessAfter);
        }

        if (check.Accepted)
        {
            FillSettlement.Move(ledger, book, asset, -amount);
        }

        return check;
    }

    private static bool Priced(RiskModel model, string asset) => model.TryGetAsset(asset, out var a) && double.IsFinite(model.Assets[a].Price);

    /// <summary>True when crediting would make the balance worth more than <see cref="GridLimits.MaxValue"/> (at its index; 1 USD a unit when unpriced).</summary>
    private static bool TooLarge(IAccountLedger ledger, RiskModel model, string asset, decimal amount)
    {
        var price = model.TryGetAsset(asset, out var a) && double.IsFinite(model.Assets[a].Price) ? Math.Max(1, model.Assets[a].Price) : 1;
        return Math.Abs(((double)ledger.Balance(asset) + (double)amount) * price) > GridLimits.MaxValue;
    }
}

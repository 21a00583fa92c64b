using Grid.Risk.Decisions;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>
    /// Checks a withdrawal without applying it: it passes only if the balance holds it and equity after
    /// order costs still covers the order-inclusive IM afterwards (a withdrawn coin also stops offsetting).
    /// </summary>
    public WithdrawalResult CheckWithdrawal(string asset, double amount)
    {
        if (!Model.TryGetAsset(asset, out var a))
        {
            return new WithdrawalResult(false, RejectReason.UnknownAsset, 0, double.NaN);
        }

        if (!(amount > 0) || !double.IsFinite(amount))
        {
            return new WithdrawalResult(false, RejectReason.InvalidOrder, 0, double.NaN);
        }

        if (amount > Balances[a])
        {
            var missing = (amount - Math.Max(0, Balances[a])) * Model.Assets[a].Price;
            return new WithdrawalResult(false, RejectReason.WithdrawalExceedsAvailable, missing, double.NaN);
        }

        var after = Clone();
        after.MoveBalance(a, -amount);
        var excess = after.Figures().Excess;
        return excess >= 0
            ? new WithdrawalResult(true, RejectReason.None, 0, excess)
            : new WithdrawalResult(false, RejectReason.WithdrawalExceedsAvailable, -excess, excess);
    }
}

namespace Grid.Abstractions.Accounts;

/// <summary>
/// Nearest liquidation first (admin.proto's ACCOUNT_ORDER_NEAREST_LIQUIDATION): worst state first, then
/// the highest MM/AE, then account id (ordinal).
/// </summary>
public sealed class NearestLiquidationOrder : IComparer<AccountSummary>
{
    /// <summary>The order.</summary>
    public static readonly NearestLiquidationOrder Instance = new();

    /// <inheritdoc />
    public int Compare(AccountSummary? x, AccountSummary? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byState = y.State.CompareTo(x.State);
        if (byState != 0)
        {
            return byState;
        }

        var byRatio = y.MarginRatio.CompareTo(x.MarginRatio);
        return byRatio != 0 ? byRatio : string.CompareOrdinal(x.AccountId, y.AccountId);
    }
}

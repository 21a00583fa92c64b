using Grid.Risk.Accounts;
using Orleans.Concurrency;

namespace Grid.Abstractions.Accounts;

/// <summary>
/// Cluster-wide list of accounts and their latest state for ops (key "accounts"). Accounts report
/// when their state or figures move materially, never per check.
/// </summary>
[Alias("grid.IAccountRegistryGrain")]
public interface IAccountRegistryGrain : IGrainWithStringKey
{
    /// <summary>Records an account's latest summary; fire-and-forget.</summary>
    [OneWay, Alias("Report")]
    Task Report(AccountSummary summary);

    /// <summary>
    /// Records the summary of an account that now holds risk on <see cref="AccountSummary.Silo"/> and
    /// returns once that claim is in storage: if the silo dies a moment later, <see cref="Revive"/>
    /// still finds the account. Claims arriving during a write share the next one.
    /// </summary>
    [Alias("Claim")]
    Task Claim(AccountSummary summary);

    /// <summary>
    /// Wakes every account last monitored by <paramref name="deadSilo"/> that holds risk or collateral (at-risk
    /// ones first), so that a surviving silo monitors it again and the house figures count it; returns how
    /// many were woken.
    /// </summary>
    [Alias("Revive")]
    Task<int> Revive(string deadSilo);

    /// <summary>Accounts in the given states (all when empty), nearest liquidation (highest MM/AE) first.</summary>
    [Alias("List")]
    Task<AccountPage> List(AccountState[] states, int pageSize, string pageToken);

    /// <summary>
    /// One page of the ops list (Admin.ListAccounts): accounts in the given states (all when empty), by
    /// account id or nearest liquidation first (worst state, then highest MM/AE, then id), at most 5000.
    /// The first page ranks; later pages keep that ranking. Throws ArgumentException for a cursor that is
    /// not one of this list and InvalidOperationException for one that has expired.
    /// </summary>
    [Alias("ListPage")]
    Task<AccountPage> ListPage(AccountState[] states, bool byAccountId, int pageSize, string cursor);
}

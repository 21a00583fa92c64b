using Grid.Risk.Accounts;

namespace Grid.Abstractions.Accounts;

/// <summary>
/// The cluster-wide views of the account registry (key "accounts"): listings, and waking a dead silo's
/// accounts. Accounts report and claim to their bucket (<see cref="IAccountRegistryBucketGrain"/>),
/// never here; this grain walks the buckets and keeps no list of its own.
/// </summary>
[Alias("grid.IAccountRegistryGrain")]
public interface IAccountRegistryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Called by every silo as it starts: records the bucket count on first use, and throws
    /// InvalidOperationException naming Grid:Registry:Buckets when <paramref name="buckets"/> (the calling
    /// silo's count) differs from the count the registry is laid out in, so the silo refuses to start
    /// rather than file accounts in buckets the others never read.
    /// </summary>
    [Alias("AgreeBuckets")]
    Task AgreeBuckets(int buckets);

    /// <summary>
    /// Wakes every account last monitored by <paramref name="deadSilo"/> that holds risk or collateral (at-risk
    /// ones first, across every bucket), so that a surviving silo monitors it again and the house figures
    /// count it; returns how many were woken.
    /// </summary>
    [Alias("Revive")]
    Task<int> Revive(string deadSilo);

    /// <summary>
    /// Every account in the given states (all when empty), each exactly once, in bucket order and by id
    /// (ordinal) within a bucket: callers that want another order sort what they read. The token is the
    /// cursor "bucket:last id" (empty: the first page; empty in reply: the last page); it stays valid while
    /// accounts are added. Throws ArgumentException ("page_token: …") for a token that is not such a cursor.
    /// </summary>
    [Alias("List")]
    Task<AccountPage> List(AccountState[] states, int pageSize, string pageToken);

    /// <summary>
    /// The <paramref name="count"/> accounts nearest liquidation across every bucket
    /// (<see cref="NearestLiquidationOrder"/>), at most 1000: each bucket's nearest, merged. For views that
    /// read only part of a large registry with <see cref="List"/> but must still show the worst accounts.
    /// </summary>
    [Alias("Nearest")]
    Task<IReadOnlyList<AccountSummary>> Nearest(int count);

    /// <summary>
    /// One page of the ops list (Admin.ListAccounts): accounts in the given states (all when empty), by
    /// account id or nearest liquidation first (worst state, then highest MM/AE, then id), at most 5000.
    /// The first page ranks; later pages keep that ranking. Throws ArgumentException for a cursor that is
    /// not one of this list and InvalidOperationException for one that has expired.
    /// </summary>
    [Alias("ListPage")]
    Task<AccountPage> ListPage(AccountState[] states, bool byAccountId, int pageSize, string cursor);
}

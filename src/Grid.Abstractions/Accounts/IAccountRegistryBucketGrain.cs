using Grid.Risk.Accounts;
using Orleans.Concurrency;

namespace Grid.Abstractions.Accounts;

/// <summary>
/// One bucket of the account registry (key: the bucket index, a stable hash of the account id modulo
/// the bucket count, Grid:Registry:Buckets). It holds the latest summary of its accounts only, so a
/// claim or a lookup touches one bucket and writes about N/B summaries, never the whole list.
/// </summary>
[Alias("grid.IAccountRegistryBucketGrain")]
public interface IAccountRegistryBucketGrain : IGrainWithIntegerKey
{
    /// <summary>Records an account's latest summary; fire-and-forget, saved within a few seconds.</summary>
    [OneWay, Alias("Report")]
    Task Report(AccountSummary summary);

    /// <summary>
    /// Records the summary of an account that now holds risk on <see cref="AccountSummary.Silo"/> and
    /// returns once that claim is in storage. Claims arriving during a write share the next one.
    /// </summary>
    [Alias("Claim")]
    Task Claim(AccountSummary summary);

    /// <summary>Records many summaries (the one-time spread of the old single registry) and returns once stored; a newer summary already held wins.</summary>
    [Alias("Import")]
    Task Import(IReadOnlyList<AccountSummary> summaries);

    /// <summary>
    /// Wakes the accounts of this bucket last monitored by <paramref name="deadSilo"/>: those holding risk
    /// when <paramref name="atRisk"/>, else those holding collateral only; returns how many were woken.
    /// </summary>
    [Alias("Revive")]
    Task<int> Revive(string deadSilo, bool atRisk);

    /// <summary>
    /// Up to <paramref name="max"/> accounts of this bucket in the given states (all when empty) with an id
    /// after <paramref name="afterId"/> (ordinal; empty: from the first), by id. Its token is the last id
    /// returned when the bucket may hold more, empty when the bucket is exhausted.
    /// </summary>
    [Alias("Page")]
    Task<AccountPage> Page(string afterId, int max, AccountState[] states);

    /// <summary>The <paramref name="count"/> accounts of this bucket nearest liquidation (<see cref="NearestLiquidationOrder"/>), in that order.</summary>
    [Alias("Nearest")]
    Task<IReadOnlyList<AccountSummary>> Nearest(int count);

    /// <summary>Every account of this bucket in the given states (all when empty), unordered.</summary>
    [Alias("Matching")]
    Task<IReadOnlyList<AccountSummary>> Matching(AccountState[] states);

    /// <summary>The latest summaries of the given accounts this bucket holds, in the order asked; unknown ids are left out.</summary>
    [Alias("Find")]
    Task<IReadOnlyList<AccountSummary>> Find(IReadOnlyList<string> accountIds);
}

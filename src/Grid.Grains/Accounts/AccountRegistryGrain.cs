using Grid.Abstractions.Accounts;
using Grid.Risk.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Grid.Grains.Accounts;

/// <summary>
/// The registry's cluster-wide views over its buckets: the ops listings and waking a dead silo's
/// accounts. It holds no list of accounts: claims and reports go straight to an account's bucket. Its
/// only stored state is the single record of earlier versions (every account in one list), which its
/// first activation spreads into the buckets and then clears. Reentrant: a revive is not held up
/// behind a large listing; the rankings are touched only between awaits.
/// </summary>
[Reentrant]
[GrainType("account-registry")]
public sealed class AccountRegistryGrain : Grain, IAccountRegistryGrain
{
    /// <summary>Key of the registry grain.</summary>
    public const string Key = "accounts";

    private readonly IPersistentState<RegistryRecord> _legacy;
    private readonly IPersistentState<RegistryLayout> _layout;
    private readonly int _buckets;
    private readonly AccountRankings _rankings;
    private readonly ILogger<AccountRegistryGrain> _logger;

    public AccountRegistryGrain(
        [PersistentState("registry", GridStorage.Name)] IPersistentState<RegistryRecord> legacy,
        [PersistentState("registry-layout", GridStorage.Name)] IPersistentState<RegistryLayout> layout,
        IOptions<AccountRegistryOptions> options,
        TimeProvider clock,
        ILogger<AccountRegistryGrain> logger)
    {
        _legacy = legacy;
        _layout = layout;
        _buckets = options.Value.Buckets;
        _rankings = new AccountRankings(clock);
        _logger = logger;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_legacy.RecordExists && _legacy.State.Accounts.Count > 0)
        {
            // Every view of the registry passes through this grain, so no reader misses the old list. A spread
            // cut short is repeated whole at the next activation: a bucket keeps the newer of two summaries.
            var shares = _legacy.State.Accounts.Values.GroupBy(a => RegistryBuckets.Of(a.AccountId, _buckets));
            await Task.WhenAll(shares.Select(s => Bucket(s.Key).Import([.. s])));
            GrainsLog.RegistrySpread(_logger, _legacy.State.Accounts.Count, _buckets);
            await _legacy.ClearStateAsync();
        }
    }

    public async Task AgreeBuckets(int buckets)
    {
        var stored = _layout.State.Buckets;
        if (stored == 0)
        {
            _layout.State.Buckets = _buckets;
            await _layout.WriteStateAsync();
            stored = _buckets;
        }

        if (buckets != stored)
        {
            throw new InvalidOperationException(
                $"Grid:Registry:Buckets is {buckets} on this silo, but the cluster's account registry is laid out in {stored} buckets: "
                + "set the same count on every silo (the count cannot change while the registry holds accounts)");
        }
    }

    public async Task<int> Revive(string deadSilo)
    {
        // At-risk accounts first (they can need a margin call); then those holding collateral only, which the
        // house figures count (Rulebook §5.3: every account of the venue) though their state cannot change.
        var atRisk = await Task.WhenAll(Enumerable.Range(0, _buckets).Select(b => Bucket(b).Revive(deadSilo, atRisk: true)));
        var collateral = await Task.WhenAll(Enumerable.Range(0, _buckets).Select(b => Bucket(b).Revive(deadSilo, atRisk: false)));
        return atRisk.Sum() + collateral.Sum();
    }

    public async Task<AccountPage> List(AccountState[] states, int pageSize, string pageToken)
    {
        var cursor = RegistryCursor.Parse(pageToken ?? "", _buckets);
        var left = Math.Clamp(pageSize <= 0 ? 100 : pageSize, 1, 1000);
        var page = new List<AccountSummary>(left);
        states ??= [];
        for (var (bucket, after) = cursor; bucket < _buckets; bucket++, after = "")
        {
            var part = await Bucket(bucket).Page(after, left, states);
            page.AddRange(part.Accounts);
            left -= part.Accounts.Count;
            if (part.NextPageToken.Length > 0)
            {
                return new AccountPage(page, new RegistryCursor(bucket, part.NextPageToken).ToString());
            }

            if (left == 0)
            {
                return new AccountPage(page, bucket + 1 < _buckets ? new RegistryCursor(bucket + 1, "").ToString() : "");
            }
        }

        return new AccountPage(page, "");
    }

    public async Task<IReadOnlyList<AccountSummary>> Nearest(int count)
    {
        count = Math.Clamp(count, 0, 1000);
        var parts = await Task.WhenAll(Enumerable.Range(0, _buckets).Select(b => Bucket(b).Nearest(count)));
        var merged = parts.SelectMany(p => p).ToList();
        merged.Sort(NearestLiquidationOrder.Instance);
        return merged.Count <= count ? merged : merged.GetRange(0, count);
    }

    public async Task<AccountPage> ListPage(AccountState[] states, bool byAccountId, int pageSize, string cursor)
    {
        if (!string.IsNullOrEmpty(cursor))
        {
            var (ids, next) = _rankings.Next(cursor, pageSize);
            return new AccountPage(await Latest(ids), next);
        }

        var parts = await Task.WhenAll(Enumerable.Range(0, _buckets).Select(b => Bucket(b).Matching(states ?? [])));
        var matching = parts.SelectMany(p => p).ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        var (first, following) = _rankings.First(matching.Values, byAccountId, pageSize);
        return new AccountPage([.. first.Select(id => matching[id])], following);
    }

    // The latest figures of a page's accounts, in the page's order; one call per bucket the page touches.
    private async Task<IReadOnlyList<AccountSummary>> Latest(string[] ids)
    {
        var parts = await Task.WhenAll(ids.GroupBy(id => RegistryBuckets.Of(id, _buckets)).Select(g => Bucket(g.Key).Find([.. g])));
        var latest = parts.SelectMany(p => p).ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        return [.. ids.Where(latest.ContainsKey).Select(id => latest[id])];
    }

    private IAccountRegistryBucketGrain Bucket(int bucket) => GrainFactory.GetGrain<IAccountRegistryBucketGrain>(bucket);
}

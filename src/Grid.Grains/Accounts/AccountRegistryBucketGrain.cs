using Grid.Abstractions.Accounts;
using Grid.Risk.Accounts;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Grid.Grains.Accounts;

/// <summary>
/// One bucket of the account registry: the latest summary of the accounts hashing to it, stored as its
/// own record plus a short claim journal (<see cref="RegistryBucketStore"/>), so neither a claim nor a
/// lookup ever touches the other accounts. Reports are saved at most every few seconds; a claim (an
/// account starting to hold risk on a silo) is stored before it is answered, since waking a dead silo's
/// accounts depends on it. Reentrant so concurrent claims share one write; every method changes the
/// bucket synchronously within its turn.
/// </summary>
[Reentrant]
[GrainType("account-registry-bucket")]
public sealed class AccountRegistryBucketGrain : Grain, IAccountRegistryBucketGrain
{
    private readonly RegistryBucketStore _store;

    public AccountRegistryBucketGrain(
        [PersistentState("registry", GridStorage.Name)] IPersistentState<RegistryRecord> record,
        [PersistentState("claims", GridStorage.Name)] IPersistentState<RegistryRecord> journal,
        IOptions<AccountRegistryOptions> options)
        => _store = new RegistryBucketStore(record, journal, options.Value.ClaimJournal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _store.Load();
        this.RegisterGrainTimer(_ => _store.SaveIfChanged(), new GrainTimerCreationOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)) { Interleave = false });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _store.SaveIfChanged();

    public Task Report(AccountSummary summary)
    {
        _store.Report(summary);
        return Task.CompletedTask;
    }

    public Task Claim(AccountSummary summary) => _store.Claim(summary);

    public Task Import(IReadOnlyList<AccountSummary> summaries) => _store.Import(summaries);

    public Task<int> Revive(string deadSilo, bool atRisk)
    {
        var woken = 0;
        foreach (var a in _store.Accounts.Values)
        {
            if (a.Silo == deadSilo && (atRisk ? a.AtRisk : !a.AtRisk && a.Equity != 0))
            {
                // One-way: the grain activates on a live silo, claims the account and reassesses it.
                _ = GrainFactory.GetGrain<IAccountGrain>(a.AccountId).Reassess("silo failure");
                woken++;
            }
        }

        return Task.FromResult(woken);
    }

    public Task<AccountPage> Page(string afterId, int max, AccountState[] states)
    {
        max = Math.Max(max, 1);
        var page = new List<AccountSummary>(Math.Min(max, _store.Ids.Count));
        var more = false;
        if (_store.Ids.Count > 0 && StringComparer.Ordinal.Compare(afterId, _store.Ids.Max) < 0)
        {
            foreach (var id in afterId.Length == 0 ? _store.Ids : _store.Ids.GetViewBetween(afterId, _store.Ids.Max!))
            {
                var summary = _store.Accounts[id];
                if (id == afterId || (states.Length > 0 && Array.IndexOf(states, summary.State) < 0))
                {
                    continue;
                }

                if (page.Count == max)
                {
                    more = true;
                    break;
                }

                page.Add(summary);
            }
        }

        return Task.FromResult(new AccountPage(page, more ? page[^1].AccountId : ""));
    }

    public Task<IReadOnlyList<AccountSummary>> Nearest(int count)
    {
        var all = new List<AccountSummary>(_store.Accounts.Values);
        all.Sort(NearestLiquidationOrder.Instance);
        return Task.FromResult<IReadOnlyList<AccountSummary>>(all.Count <= count ? all : all.GetRange(0, Math.Max(count, 0)));
    }

    public Task<IReadOnlyList<AccountSummary>> Matching(AccountState[] states)
    {
        var matching = new List<AccountSummary>(_store.Accounts.Count);
        foreach (var a in _store.Accounts.Values)
        {
            if (states.Length == 0 || Array.IndexOf(states, a.State) >= 0)
            {
                matching.Add(a);
            }
        }

        return Task.FromResult<IReadOnlyList<AccountSummary>>(matching);
    }

    public Task<IReadOnlyList<AccountSummary>> Find(IReadOnlyList<string> accountIds)
    {
        var found = new List<AccountSummary>(accountIds.Count);
        foreach (var id in accountIds)
        {
            if (_store.Accounts.TryGetValue(id, out var summary))
            {
                found.Add(summary);
            }
        }

        return Task.FromResult<IReadOnlyList<AccountSummary>>(found);
    }
}

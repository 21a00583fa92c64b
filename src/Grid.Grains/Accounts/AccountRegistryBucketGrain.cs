using Grid.Abstractions.Accounts;
using Grid.Risk.Accounts;
using Orleans.Concurrency;

namespace Grid.Grains.Accounts;

/// <summary>
/// One bucket of the account registry: the latest summary of the accounts hashing to it, persisted as
/// its own record, so a save writes about N/B summaries whatever the number of accounts overall.
/// Reports are saved at most every few seconds; a claim (an account starting to hold risk on a silo) is
/// saved before it is answered, since waking a dead silo's accounts depends on it. Reentrant so
/// concurrent claims share one write; every method changes the bucket synchronously within its turn.
/// </summary>
[Reentrant]
[GrainType("account-registry-bucket")]
public sealed class AccountRegistryBucketGrain : Grain, IAccountRegistryBucketGrain
{
    private readonly IPersistentState<RegistryRecord> _state;
    private readonly GroupCommit _commit;
    private readonly SortedSet<string> _ids = new(StringComparer.Ordinal);
    private bool _dirty;

    public AccountRegistryBucketGrain([PersistentState("registry", GridStorage.Name)] IPersistentState<RegistryRecord> state)
    {
        _state = state;
        _commit = new GroupCommit(() => _state.WriteStateAsync(), retryAfterFailure: true);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ids.UnionWith(_state.State.Accounts.Keys);
        this.RegisterGrainTimer(Save, new GrainTimerCreationOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)) { Interleave = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await Save(cancellationToken);

    public Task Report(AccountSummary summary)
    {
        Record(summary);
        return Task.CompletedTask;
    }

    public Task Claim(AccountSummary summary)
    {
        Record(summary);
        return _commit.Durable();
    }

    public Task Import(IReadOnlyList<AccountSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            Record(summary);
        }

        return _commit.Durable();
    }

    private void Record(AccountSummary summary)
    {
        if (!_state.State.Accounts.TryGetValue(summary.AccountId, out var old) || old.At <= summary.At)
        {
            _state.State.Accounts[summary.AccountId] = summary;
            _ids.Add(summary.AccountId);
            _dirty = true;
        }
    }

    public Task<int> Revive(string deadSilo, bool atRisk)
    {
        var woken = 0;
        foreach (var a in _state.State.Accounts.Values)
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
        var page = new List<AccountSummary>(Math.Min(max, _ids.Count));
        var more = false;
        if (_ids.Count > 0 && StringComparer.Ordinal.Compare(afterId, _ids.Max) < 0)
        {
            foreach (var id in afterId.Length == 0 ? _ids : _ids.GetViewBetween(afterId, _ids.Max!))
            {
                var summary = _state.State.Accounts[id];
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

    public Task<IReadOnlyList<AccountSummary>> Matching(AccountState[] states)
    {
        var matching = new List<AccountSummary>(_state.State.Accounts.Count);
        foreach (var a in _state.State.Accounts.Values)
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
            if (_state.State.Accounts.TryGetValue(id, out var summary))
            {
                found.Add(summary);
            }
        }

        return Task.FromResult<IReadOnlyList<AccountSummary>>(found);
    }

    private async Task Save(CancellationToken ct)
    {
        if (_dirty)
        {
            _dirty = false;
            try
            {
                await _commit.Durable();
            }
            catch (Exception)
            {
                // Storage is down: the bucket is still in memory and the next tick writes it again.
                _dirty = true;
            }
        }
    }
}

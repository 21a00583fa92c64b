using System.Globalization;
using Grid.Abstractions.Accounts;
using Grid.Risk.Accounts;
using Orleans.Concurrency;

namespace Grid.Grains.Accounts;

/// <summary>
/// The ops list of accounts and their latest state, nearest liquidation first. Accounts report only
/// when their state or figures move materially; the list is saved at most every few seconds, except
/// that a claim (an account starting to hold risk on a silo) is saved before it is answered, since
/// waking a dead silo's accounts depends on it. Reentrant so concurrent claims share one write; every
/// method changes the list synchronously within its turn.
/// </summary>
[Reentrant]
[GrainType("account-registry")]
public sealed class AccountRegistryGrain : Grain, IAccountRegistryGrain
{
    /// <summary>Key of the single registry grain.</summary>
    public const string Key = "accounts";

    private readonly IPersistentState<RegistryRecord> _state;
    private readonly GroupCommit _commit;
    private readonly AccountRankings _rankings;
    private bool _dirty;

    public AccountRegistryGrain([PersistentState("registry", GridStorage.Name)] IPersistentState<RegistryRecord> state, TimeProvider clock)
    {
        _state = state;
        _rankings = new AccountRankings(clock);
        _commit = new GroupCommit(() => _state.WriteStateAsync(), retryAfterFailure: true);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
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

    private void Record(AccountSummary summary)
    {
        if (!_state.State.Accounts.TryGetValue(summary.AccountId, out var old) || old.At <= summary.At)
        {
            _state.State.Accounts[summary.AccountId] = summary;
            _dirty = true;
        }
    }

    public Task<int> Revive(string deadSilo)
    {
        // At-risk accounts first (they can need a margin call); then those holding collateral only, which the
        // house figures count (Rulebook §5.3: every account of the venue) though their state cannot change.
        var woken = 0;
        var dead = _state.State.Accounts.Values.Where(a => a.Silo == deadSilo).ToList();
        foreach (var a in dead.Where(a => a.AtRisk).Concat(dead.Where(a => !a.AtRisk && a.Equity != 0)))
        {
            // One-way: the grain activates on a live silo, claims the account and reassesses it.
            _ = GrainFactory.GetGrain<IAccountGrain>(a.AccountId).Reassess("silo failure");
            woken++;
        }

        return Task.FromResult(woken);
    }

    public Task<AccountPage> List(AccountState[] states, int pageSize, string pageToken)
    {
        pageSize = Math.Clamp(pageSize <= 0 ? 100 : pageSize, 1, 1000);
        var offset = int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var filter = states is { Length: > 0 } ? new HashSet<AccountState>(states) : null;
        var ordered = _state.State.Accounts.Values
            .Where(a => filter is null || filter.Contains(a.State))
            .OrderByDescending(a => a.State)
            .ThenByDescending(a => a.MarginRatio)
            .ThenBy(a => a.AccountId, StringComparer.Ordinal)
            .ToList();
        var page = ordered.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < ordered.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : "";
        return Task.FromResult(new AccountPage(page, next));
    }

    public Task<AccountPage> ListPage(AccountState[] states, bool byAccountId, int pageSize, string cursor)
        => Task.FromResult(_rankings.Page(_state.State.Accounts, states ?? [], byAccountId, pageSize, cursor ?? ""));

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
                // Storage is down: the list is still in memory and the next tick writes it again.
                _dirty = true;
            }
        }
    }
}

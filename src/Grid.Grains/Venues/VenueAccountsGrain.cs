using Grid.Abstractions.Venues;
using Grid.Grains.Accounts;
using Orleans.Concurrency;
using Orleans.Storage;

namespace Grid.Grains.Venues;

/// <summary>
/// The index of one venue's accounts, persisted through the grid's storage (silo memory, or Redis when
/// durable, like the registry buckets). A join is stored before it is answered; joins arriving during a
/// write share the next one (group commit). An account joins once per venue (and again only after a
/// listing made it leave), never per order, so writes follow the venue's new accounts, not its orders.
/// Reentrant so concurrent joins share one write; every method changes the set synchronously in its turn.
/// </summary>
[Reentrant]
[GrainType("venue-accounts")]
public sealed class VenueAccountsGrain : Grain, IVenueAccountsGrain
{
    private readonly IPersistentState<VenueAccountsRecord> _record;
    private readonly SortedSet<string> _ids = new(StringComparer.Ordinal);
    private readonly GroupCommit _writes;

    // Set while the set in memory holds a change that no completed or running write carries (a write failed).
    private bool _unsaved;

    public VenueAccountsGrain([PersistentState("venue-accounts", GridStorage.Name)] IPersistentState<VenueAccountsRecord> record)
    {
        _record = record;
        _writes = new GroupCommit(Write, retryAfterFailure: true);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ids.UnionWith(_record.State.Accounts);
        return Task.CompletedTask;
    }

    public Task Join(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        if (_ids.Contains(accountId) && !_unsaved)
        {
            // Listed already: answered once the write that listed it (if one still runs) is done.
            return _writes.Settled();
        }

        _ids.Add(accountId);
        _record.State.Accounts.Add(accountId);
        _unsaved = true;
        return _writes.Durable();
    }

    public Task Leave(string accountId)
    {
        if (!_ids.Remove(accountId))
        {
            return Task.CompletedTask;
        }

        _record.State.Accounts.Remove(accountId);
        _unsaved = true;
        return _writes.Durable();
    }

    public Task<string[]> Page(string afterAccountId, int max)
    {
        max = Math.Max(max, 1);
        var page = new List<string>(Math.Min(max, _ids.Count));
        if (_ids.Count > 0 && StringComparer.Ordinal.Compare(afterAccountId, _ids.Max) < 0)
        {
            foreach (var id in afterAccountId.Length == 0 ? _ids : _ids.GetViewBetween(afterAccountId, _ids.Max!))
            {
                if (id == afterAccountId)
                {
                    continue;
                }

                if (page.Count == max)
                {
                    break;
                }

                page.Add(id);
            }
        }

        return Task.FromResult(page.ToArray());
    }

    private async Task Write()
    {
        _unsaved = false;
        try
        {
            await WriteMerging();
        }
        catch (Exception)
        {
            // The set in memory is ahead of storage: the next join writes it again rather than trusting it.
            _unsaved = true;
            throw;
        }
    }

    /// <summary>
    /// A refused ETag means another activation of this venue wrote since this one read (two can live for a
    /// moment around a membership change): the stored set and this one are united and written again. An
    /// account one of them unlisted may come back: over-inclusion is harmless, a later listing prunes it.
    /// </summary>
    private async Task WriteMerging()
    {
        try
        {
            await _record.WriteStateAsync();
            return;
        }
        catch (InconsistentStateException)
        {
            // Merged below.
        }

        // Joins made during the read went to the old set and to _ids: _ids carries them over.
        await _record.ReadStateAsync();
        _ids.UnionWith(_record.State.Accounts);
        _record.State.Accounts.UnionWith(_ids);
        await _record.WriteStateAsync();
    }
}

using Grid.Abstractions.Accounts;
using Orleans.Storage;

namespace Grid.Grains.Accounts;

/// <summary>
/// What a registry bucket stores, in two records: the bucket's record (every account of the bucket,
/// saved within a few seconds of a report changing it) and its claim journal (the claims made since
/// the record was last saved). A claim writes the journal only and is answered once it is stored, so
/// its write holds at most <see cref="AccountRegistryOptions.ClaimJournal"/> summaries whatever the
/// number of accounts; a full journal is folded into the record by one save. Activation replays the
/// journal over the record (the newer summary of an account wins, so a replay is harmless).
/// </summary>
internal sealed class RegistryBucketStore
{
    private readonly IPersistentState<RegistryRecord> _record;
    private readonly IPersistentState<RegistryRecord> _journal;
    private readonly GroupCommit _journalWrites;
    private readonly GroupCommit _saves;
    private readonly int _journalLimit;
    private bool _dirty;

    public RegistryBucketStore(IPersistentState<RegistryRecord> record, IPersistentState<RegistryRecord> journal, int journalLimit)
    {
        _record = record;
        _journal = journal;
        _journalLimit = journalLimit;
        _journalWrites = new GroupCommit(() => WriteMerging(_journal, fromOtherActivation: s => Record(s)), retryAfterFailure: true);
        _saves = new GroupCommit(Save, retryAfterFailure: true);
    }

    /// <summary>The latest summary of every account of the bucket.</summary>
    public IReadOnlyDictionary<string, AccountSummary> Accounts => _record.State.Accounts;

    /// <summary>The bucket's account ids in ordinal order.</summary>
    public SortedSet<string> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>Claims not yet folded into the record.</summary>
    public int Journaled => _journal.State.Accounts.Count;

    /// <summary>Rebuilds the bucket from its two records after activation.</summary>
    public void Load()
    {
        Ids.UnionWith(_record.State.Accounts.Keys);
        foreach (var claim in _journal.State.Accounts.Values)
        {
            Record(claim);
        }
    }

    /// <summary>A report: kept in memory, saved within a few seconds.</summary>
    public void Report(AccountSummary summary) => _dirty |= Record(summary);

    /// <summary>A claim: stored in the journal before the returned task completes.</summary>
    public Task Claim(AccountSummary summary)
    {
        Record(summary);
        // The account's newest summary goes to the journal even when a report overtook the claim: the
        // claim must be durable, and the report is at least as recent.
        _journal.State.Accounts[summary.AccountId] = _record.State.Accounts[summary.AccountId];
        var stored = _journalWrites.Durable();
        if (_journal.State.Accounts.Count >= _journalLimit)
        {
            _ = SaveQuietly();
        }

        return stored;
    }

    /// <summary>Many summaries at once (the spread of the old single registry), stored in the record before the returned task completes.</summary>
    public Task Import(IEnumerable<AccountSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            Record(summary);
        }

        _dirty = true;
        return _saves.Durable();
    }

    /// <summary>Saves the record if reports changed it; a failure is retried by the next call.</summary>
    public Task SaveIfChanged() => _dirty ? SaveQuietly() : Task.CompletedTask;

    private async Task SaveQuietly()
    {
        try
        {
            await _saves.Durable();
        }
        catch (Exception)
        {
            // Storage is down: the bucket is still in memory, the journal holds the claims, and the next
            // tick writes the record again (Save left it marked changed).
        }
    }

    private bool Record(AccountSummary summary)
    {
        if (_record.State.Accounts.TryGetValue(summary.AccountId, out var old) && old.At > summary.At)
        {
            return false;
        }

        _record.State.Accounts[summary.AccountId] = summary;
        Ids.Add(summary.AccountId);
        return true;
    }

    private async Task Save()
    {
        _dirty = false;
        var folded = _journal.State.Accounts.ToArray();
        try
        {
            await WriteMerging(_record, fromOtherActivation: s => Ids.Add(s.AccountId));
        }
        catch (Exception)
        {
            _dirty = true;
            throw;
        }

        // Claims now in the record leave the journal (the next claim writes it shorter); a claim made
        // during the write is a newer object and stays.
        foreach (var (id, claim) in folded)
        {
            if (_journal.State.Accounts.TryGetValue(id, out var current) && ReferenceEquals(current, claim))
            {
                _journal.State.Accounts.Remove(id);
            }
        }
    }

    /// <summary>
    /// Writes one of the two records. A refused ETag means another activation of this bucket wrote it
    /// since this one read it: two activations can live for a moment around a membership change, and
    /// retrying with the stale ETag would fail every later claim of the bucket. Summaries merge (the
    /// newer of an account wins, as in <see cref="Record"/>), so this one reads the stored record, keeps
    /// what the other wrote, lays its own newer summaries over it, and writes again.
    /// </summary>
    private static async Task WriteMerging(IPersistentState<RegistryRecord> state, Action<AccountSummary> fromOtherActivation)
    {
        try
        {
            await state.WriteStateAsync();
            return;
        }
        catch (InconsistentStateException)
        {
            // Merged below.
        }

        var mine = state.State.Accounts;
        var copy = new List<AccountSummary>(mine.Values);
        await state.ReadStateAsync();
        var stored = state.State.Accounts;
        foreach (var theirs in stored.Values)
        {
            fromOtherActivation(theirs);
        }

        // Summaries changed during the read went to the old dictionary: take them from it as well.
        Merge(stored, copy);
        if (!ReferenceEquals(stored, mine))
        {
            Merge(stored, mine.Values);
        }

        await state.WriteStateAsync();
    }

    private static void Merge(Dictionary<string, AccountSummary> into, IEnumerable<AccountSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            if (!into.TryGetValue(summary.AccountId, out var old) || old.At <= summary.At)
            {
                into[summary.AccountId] = summary;
            }
        }
    }
}

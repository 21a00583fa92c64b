using Grid.Grains.Accounts;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace Grid.Grains.Journal;

/// <summary>
/// An account's record in Redis mode: activation reads the snapshot and replays the entries after it;
/// each write sends only what changed since the write before (<see cref="WrittenImage"/>) through the
/// silo writer, and every <see cref="JournalOptions.SnapshotEvery"/> entries a snapshot replaces them. The
/// write sequence is the fence: a write fails when another activation wrote meanwhile, as an ETag would.
/// An account whose only data is the whole record of the grain storage (before the journal) is read from
/// there, and its first write is the snapshot that starts its journal.
/// </summary>
internal sealed class RedisAccountJournal(
    GrainId account, JournalKeys keys, SiloJournalWriter writer, Serializer serializer, IGrainStorage wholeRecords, int snapshotEvery, ILogger logger) : IAccountStore
{
    private readonly WrittenImage _image = new();

    // The entry being written: reused by the next write, which starts only once this one is in Redis (group commit).
    private EntryWriter _entry = new();
    private Task? _lastWrite;
    private long _sequence = -1;
    private int _entries;
    private bool _read;
    private Task? _firstWrite;

    public AccountRecord State { get; private set; } = new();

    public bool RecordExists => _read || _firstWrite is { IsCompletedSuccessfully: true };

    public JournalKeys Keys => keys;

    /// <summary>Entries in the journal after its snapshot (replayed on activation).</summary>
    public int Entries => _entries;

    public async Task ReadStateAsync()
    {
        var db = await writer.Database();
        var head = (RedisResult[])(await db.ScriptEvaluateAsync(JournalScripts.Read, [keys.Head, keys.Log]))!;
        if (head.Length == 0)
        {
            await ReadWholeRecord();
        }
        else
        {
            var record = serializer.Deserialize<AccountRecord>((byte[])head[1]!) ?? throw new InvalidDataException($"account {account}: the journal's snapshot is empty");
            var entries = (RedisResult[])head[2]!;
            foreach (var entry in entries)
            {
                Entry(serializer, (byte[])entry!, account).ApplyTo(record);
            }

            State = record;
            _read = true;
            // The head's sequence is its snapshot's; each entry after it is one write more (JournalScripts.Write).
            _sequence = (long)head[0] + entries.Length;
            _entries = entries.Length;
        }

        // The grain shares the ids after the read too; shared first, the image holds the orders the grain keeps
        // (orders are replaced to share them), and the first write does not rewrite them all.
        State.ShareIds();
        _image.Reset(State);
    }

    public Task WriteStateAsync()
    {
        // Diffed and written now, in the grain's turn: later changes go with the next write. An entry goes straight
        // to bytes (EntryFormat) in the journal's own buffer; a snapshot, rare, is the record through the serializer.
        var snapshot = _sequence < 1 || _entries >= snapshotEvery;
        ReadOnlyMemory<byte> data;
        if (snapshot)
        {
            data = serializer.SerializeToArray(State);
            _image.Reset(State);
        }
        else
        {
            if (_lastWrite is { IsCompleted: false })
            {
                // Not through group commit: the write in flight still owns the buffer.
                _entry = new EntryWriter();
            }

            _image.Write(State, _entry);
            data = _entry.Written;
        }

        var write = new JournalWrite(this, snapshot, _sequence, Math.Max(_sequence, 0) + 1, data);

        // Counted as written now: the grain writes again only once this write succeeded (group commit), and
        // a failed write leaves the grain failed until it reloads with a new journal. So no continuation of
        // the journal's own runs per write: the grain awaits the write itself.
        _sequence = write.Next;
        _entries = snapshot ? 0 : _entries + 1;
        _firstWrite ??= write.Task;
        _lastWrite = write.Task;
        return writer.Write(write);
    }

    /// <summary>
    /// An entry as stored, in either format: format 1 (<see cref="EntryFormat"/>, written since) or the Orleans
    /// serializer's <see cref="JournalEntry"/> (written before; still read, so journals need no migration).
    /// </summary>
    internal static JournalEntry Entry(Serializer serializer, byte[] data, GrainId account)
    {
        try
        {
            return EntryFormat.IsFormat1(data)
                ? EntryDecoder.Read(data)
                : serializer.Deserialize<JournalEntry>(data) ?? throw new InvalidDataException("an empty journal entry");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"account {account}: {e.Message}", e);
        }
    }

    /// <summary>The write expecting <paramref name="expected"/> was refused: another activation wrote meanwhile.</summary>
    internal Exception Fenced(long expected)
    {
        JournalLog.Fenced(logger, account);
        return new InconsistentStateException($"account {account}: another activation wrote its journal meanwhile (sequence {expected} is no longer current)");
    }

    private async Task ReadWholeRecord()
    {
        var whole = new GrainState<AccountRecord>(new AccountRecord());
        await wholeRecords.ReadStateAsync(WholeRecordStore.StateName, account, whole);
        State = whole.State ?? new AccountRecord();
        _read = whole.RecordExists;
        _sequence = -1;
        _entries = 0;
        if (whole.RecordExists)
        {
            JournalLog.Migrating(logger, account);
        }
    }
}

using System.Diagnostics;

namespace Grid.Grains.Journal;

/// <summary>
/// One account's write waiting for the silo writer, and its completion: the grain awaits this task itself
/// (no async layer of the journal in between), done once the entry is in Redis, failed when it is not or
/// when another activation wrote the account meanwhile (the fence).
/// </summary>
internal sealed class JournalWrite(RedisAccountJournal journal, bool snapshot, long expected, long next, ReadOnlyMemory<byte> data)
    : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>When the grain asked for the write (the storage write latency runs from here).</summary>
    public long Queued { get; } = Stopwatch.GetTimestamp();

    public JournalKeys Keys => journal.Keys;

    /// <summary>A snapshot (replaces the journal) rather than an appended entry.</summary>
    public bool Snapshot => snapshot;

    /// <summary>The sequence last written by this activation (at least 1 for an append), or −1 when the account has no journal yet.</summary>
    public long Expected => expected;

    public long Next => next;

    /// <summary>The entry or snapshot; an entry lies in its journal's buffer, untouched until this write is answered.</summary>
    public ReadOnlyMemory<byte> Data => data;

    /// <summary>Answers the grain: written, or refused by the fence.</summary>
    public void Complete(bool written)
    {
        if (written)
        {
            TrySetResult();
        }
        else
        {
            TrySetException(journal.Fenced(expected));
        }
    }

    public void Fail(Exception e) => TrySetException(e);
}

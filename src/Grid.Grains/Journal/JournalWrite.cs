namespace Grid.Grains.Journal;

/// <summary>One account's write waiting for the silo writer; completed true once in Redis, false when fenced off.</summary>
internal sealed class JournalWrite(JournalKeys keys, bool snapshot, long expected, long next, byte[] data)
{
    private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JournalKeys Keys => keys;

    /// <summary>A snapshot (replaces the journal) rather than an appended entry.</summary>
    public bool Snapshot => snapshot;

    /// <summary>The sequence last written by this activation, or −1 when the account has no journal yet.</summary>
    public long Expected => expected;

    public long Next => next;

    public byte[] Data => data;

    public Task<bool> Done => _done.Task;

    public void Complete(bool written) => _done.TrySetResult(written);

    public void Fail(Exception e) => _done.TrySetException(e);
}

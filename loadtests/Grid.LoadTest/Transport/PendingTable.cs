namespace Grid.LoadTest.Transport;

/// <summary>
/// Messages of one stream awaiting their reply, in a power-of-two ring indexed by correlation id
/// (ids are sequential, so slot = id &amp; mask). The sender claims a slot before sending and the
/// reader frees it on the reply; a slot still held by an old unanswered message makes the sender
/// wait, which the open loop then counts as lateness.
/// </summary>
public sealed class PendingTable
{
    private readonly PendingEntry[] _slots;
    private readonly ulong _mask;
    private long _outstanding;

    /// <param name="capacity">Slots; rounded up to a power of two.</param>
    public PendingTable(int capacity)
    {
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 16));
        _slots = new PendingEntry[size];
        _mask = (ulong)size - 1;
    }

    /// <summary>Messages sent and not yet answered.</summary>
    public long Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>True when the slot of <paramref name="correlationId"/> is free to claim.</summary>
    public bool IsFree(ulong correlationId) => Volatile.Read(ref _slots[(int)(correlationId & _mask)].CorrelationId) == 0;

    /// <summary>Records a message about to be sent; its slot must be free.</summary>
    public void Claim(in PendingEntry entry)
    {
        ref var slot = ref _slots[(int)(entry.CorrelationId & _mask)];
        var id = entry.CorrelationId;
        slot = entry with { CorrelationId = 0 };
        Interlocked.Increment(ref _outstanding);
        Volatile.Write(ref slot.CorrelationId, id);
    }

    /// <summary>Frees the slot of an answered message; false for an id that is not outstanding.</summary>
    public bool TryRelease(ulong correlationId, out PendingEntry entry)
    {
        ref var slot = ref _slots[(int)(correlationId & _mask)];
        if (correlationId == 0 || Volatile.Read(ref slot.CorrelationId) != correlationId)
        {
            entry = default;
            return false;
        }

        entry = slot;
        slot.Account = null;
        slot.Order = null;
        Interlocked.Decrement(ref _outstanding);
        Volatile.Write(ref slot.CorrelationId, 0);
        return true;
    }
}

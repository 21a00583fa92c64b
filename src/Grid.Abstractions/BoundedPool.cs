namespace Grid.Abstractions;

/// <summary>
/// Reusable objects of one kind, shared by threads: what is returned past the capacity is left to the GC, so a
/// burst does not pin its peak for the process's life. The pooled continuations of the account path (the silo's
/// local turns, the gateway's local executions) are taken from a pool like this and handed back once the awaiting
/// lane has read their result. A lock, not a lock-free stack: a rent or a return holds it for a push or a pop.
/// </summary>
/// <param name="capacity">Most objects kept for reuse.</param>
public sealed class BoundedPool<T>(int capacity) where T : class
{
    private readonly Stack<T> _items = new();
    private readonly Lock _gate = new();

    /// <summary>Objects waiting to be reused.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>A returned object, or null when none is waiting (the caller makes one).</summary>
    public T? TryRent()
    {
        lock (_gate)
        {
            return _items.TryPop(out var item) ? item : null;
        }
    }

    /// <summary>Keeps <paramref name="item"/> for reuse, unless the pool is full. The caller has reset it and holds no reference after.</summary>
    public void Return(T item)
    {
        lock (_gate)
        {
            if (_items.Count < capacity)
            {
                _items.Push(item);
            }
        }
    }
}

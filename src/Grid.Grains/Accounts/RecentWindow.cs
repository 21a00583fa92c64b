namespace Grid.Grains.Accounts;

/// <summary>
/// A bounded first-in first-out window over a stored list, indexed by key for O(1) lookups: the
/// idempotency memory of an account. The list is what is persisted; the index is rebuilt lazily.
/// </summary>
internal sealed class RecentWindow<T>(List<T> items, Func<T, ulong> key, int capacity)
{
    private Dictionary<ulong, T>? _index;

    public bool TryGet(ulong id, out T value)
    {
        _index ??= Build();
        return _index.TryGetValue(id, out value!);
    }

    public void Add(T item)
    {
        _index ??= Build();
        items.Add(item);
        _index[key(item)] = item;
        if (items.Count > capacity)
        {
            // Trim a quarter at a time: one shift per many additions instead of one per addition.
            var drop = items.Count - capacity + capacity / 4;
            for (var i = 0; i < drop; i++)
            {
                var old = items[i];
                if (_index.TryGetValue(key(old), out var current) && EqualityComparer<T>.Default.Equals(current, old))
                {
                    _index.Remove(key(old));
                }
            }

            items.RemoveRange(0, drop);
        }
    }

    private Dictionary<ulong, T> Build()
    {
        var index = new Dictionary<ulong, T>(items.Count);
        foreach (var item in items)
        {
            index[key(item)] = item;
        }

        return index;
    }
}

namespace Grid.Grains.Accounts;

/// <summary>
/// A bounded first-in first-out window over a stored list, indexed by key for O(1) lookups: the
/// idempotency memory of an account. The list is what is persisted; the index is rebuilt lazily.
/// </summary>
internal sealed class RecentWindow<T>(List<T> items, Func<T, string> key, int capacity)
{
    private Dictionary<string, T>? _index;

    public bool TryGet(string id, out T value)
    {
        _index ??= Build();
        return _index.TryGetValue(id, out value!);
    }

    public void Add(T item)
    {
        _index ??= Build();
        items.Add(item);
        _index[key(item)] = item;
        while (items.Count > capacity)
        {
            var old = items[0];
            items.RemoveAt(0);
            if (_index.TryGetValue(key(old), out var current) && ReferenceEquals(current, old))
            {
                _index.Remove(key(old));
            }
        }
    }

    private Dictionary<string, T> Build()
    {
        var index = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            index[key(item)] = item;
        }

        return index;
    }
}

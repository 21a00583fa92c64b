namespace Grid.Grains.Accounts;

/// <summary>
/// A bounded first-in first-out window over a stored list: the idempotency memory of an account. The list
/// is what is persisted. A short window is searched newest first; once it holds more than
/// <see cref="ScanLimit"/> items an index by key answers in O(1). Most accounts remember a few requests, and
/// the four indexes cost ≈ 200 B each per resident account (issue 16), more than the items they index.
/// A struct held in the processor's fields (four per account: ≈ 100 B less than four objects): keep it in a
/// mutable field and pass it by reference, since a copy builds its index for itself alone.
/// </summary>
internal struct RecentWindow<T>(List<T> items, Func<T, ulong> key, int capacity)
{
    /// <summary>Most items searched by a scan; above it an index is kept.</summary>
    public const int ScanLimit = 16;

    private Dictionary<ulong, T>? _index;

    /// <summary>True while lookups use the index (tests).</summary>
    internal readonly bool Indexed => _index is not null;

    public bool TryGet(ulong id, out T value)
    {
        if (_index is null && items.Count > ScanLimit)
        {
            _index = Build();
        }

        if (_index is not null)
        {
            return _index.TryGetValue(id, out value!);
        }

        // Newest first: the index keeps the latest item of a key, and so does the scan.
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (key(items[i]) == id)
            {
                value = items[i];
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Add(T item)
    {
        items.Add(item);
        if (_index is null)
        {
            if (items.Count <= ScanLimit)
            {
                Trim(null);
                return;
            }

            _index = Build();
        }

        _index[key(item)] = item;
        Trim(_index);
    }

    private readonly void Trim(Dictionary<ulong, T>? index)
    {
        if (items.Count <= capacity)
        {
            return;
        }

        // Trim a quarter at a time: one shift per many additions instead of one per addition.
        var drop = items.Count - capacity + capacity / 4;
        for (var i = 0; index is not null && i < drop; i++)
        {
            var old = items[i];
            if (index.TryGetValue(key(old), out var current) && EqualityComparer<T>.Default.Equals(current, old))
            {
                index.Remove(key(old));
            }
        }

        items.RemoveRange(0, drop);
    }

    private readonly Dictionary<ulong, T> Build()
    {
        var index = new Dictionary<ulong, T>(items.Count);
        foreach (var item in items)
        {
            index[key(item)] = item;
        }

        return index;
    }
}

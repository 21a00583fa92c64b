namespace Grid.Risk.Supervision;

/// <summary>
/// The <see cref="Capacity"/> highest-ranked items seen, best first, for a total order (ties broken
/// by the comparison itself, e.g. by account id): offering the same items in any order, or merging
/// lists of disjoint items, keeps the same list. Most items rank below the last kept one and cost
/// one comparison. No allocation after construction.
/// </summary>
internal sealed class TopList<T>(int capacity, Comparison<T> rank)
{
    private readonly T[] _items = new T[capacity];
    private int _count;

    public int Capacity => _items.Length;

    public ReadOnlySpan<T> Items => _items.AsSpan(0, _count);

    public void Offer(in T item)
    {
        if (_count == _items.Length && rank(item, _items[_count - 1]) >= 0)
        {
            return;
        }

        var i = _count == _items.Length ? _count - 1 : _count++;
        while (i > 0 && rank(item, _items[i - 1]) < 0)
        {
            _items[i] = _items[i - 1];
            i--;
        }

        _items[i] = item;
    }
}

using System.Runtime.InteropServices;

namespace Grid.Grains.Accounts;

/// <summary>
/// The record's resting orders by client order id, so a check, cancel or fill finds its order without
/// comparing the id with every resting one (that scan was 6–9 % of the grid's CPU at many resting orders,
/// docs/performance.md). It holds each resting order's own id string; the position in
/// <see cref="AccountRecord.Orders"/> is then found by that string's reference, which costs a pointer compare
/// per order and only when the order exists (orders are values in the list, issue 14: the id's reference is
/// what stays the same while a fill or an amend changes the rest). An account with few orders (most of them)
/// keeps no set and scans: a handful of compares costs less than the lookup and saves the set's ≈ 300 B per
/// resident account (issue 16). The set is built once the orders pass <see cref="ScanLimit"/> and kept from
/// then on. Built from the record when the processor is created (activation, reload) and kept in step by the
/// processor, the record's only writer; nothing of it is stored, so the record's format is unchanged.
/// </summary>
internal sealed class RestingOrderIndex
{
    /// <summary>Most resting orders found by a scan; above it a set of their ids is kept.</summary>
    public const int ScanLimit = 8;

    private readonly List<OrderRecord> _orders;
    private HashSet<string>? _ids;

    // A record stored before ids were unique per account may hold an id twice: lookups then fall back to the scan.
    private bool _ambiguous;

    public RestingOrderIndex(List<OrderRecord> orders)
    {
        _orders = orders;
        if (orders.Count > ScanLimit)
        {
            Build();
        }
    }

    /// <summary>True while the orders are found by a set rather than a scan (tests).</summary>
    internal bool Mapped => _ids is not null;

    /// <summary>The position of the first resting order with <paramref name="clientOrderId"/>, or −1.</summary>
    public int Find(string clientOrderId)
    {
        if (_ids is null || _ambiguous)
        {
            return Scan(clientOrderId);
        }

        if (!_ids.TryGetValue(clientOrderId, out var id))
        {
            return -1;
        }

        var orders = CollectionsMarshal.AsSpan(_orders);
        for (var i = 0; i < orders.Length; i++)
        {
            if (ReferenceEquals(orders[i].ClientOrderId, id))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Appends <paramref name="order"/> to the record.</summary>
    public void Add(OrderRecord order) => Insert(_orders.Count, order);

    /// <summary>Puts <paramref name="order"/> back at <paramref name="index"/> (an amend refused).</summary>
    public void Insert(int index, OrderRecord order)
    {
        _orders.Insert(index, order);
        if (_ids is not null)
        {
            _ambiguous |= !_ids.Add(order.ClientOrderId);
        }
        else if (_orders.Count > ScanLimit)
        {
            Build();
        }
    }

    /// <summary>Puts <paramref name="order"/> (the same order id, changed) in place of the order at <paramref name="index"/>.</summary>
    public void Replace(int index, OrderRecord order)
    {
        var old = _orders[index].ClientOrderId;
        _orders[index] = order;
        if (!ReferenceEquals(old, order.ClientOrderId) && Indexes(old))
        {
            // The same id in another string: the set holds the one the list now holds.
            _ids!.Remove(old);
            _ids.Add(order.ClientOrderId);
        }
    }

    /// <summary>Removes the order at <paramref name="index"/> from the record.</summary>
    public void RemoveAt(int index)
    {
        var id = _orders[index].ClientOrderId;
        _orders.RemoveAt(index);
        if (Indexes(id))
        {
            _ids!.Remove(id);
        }
    }

    // True when the set holds this very string (not an equal one of a duplicate order).
    private bool Indexes(string id) => _ids is not null && _ids.TryGetValue(id, out var held) && ReferenceEquals(held, id);

    private void Build()
    {
        _ids = new HashSet<string>(_orders.Count, StringComparer.Ordinal);
        foreach (var o in _orders)
        {
            _ambiguous |= !_ids.Add(o.ClientOrderId);
        }
    }

    private int Scan(string clientOrderId)
    {
        var orders = CollectionsMarshal.AsSpan(_orders);
        for (var i = 0; i < orders.Length; i++)
        {
            if (string.Equals(orders[i].ClientOrderId, clientOrderId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

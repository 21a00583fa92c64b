namespace Grid.Grains.Accounts;

/// <summary>
/// The record's resting orders by client order id, so a check, cancel or fill finds its order without
/// comparing the id with every resting one (that scan was 6–9 % of the grid's CPU at many resting orders,
/// docs/performance.md). It maps an id to its <see cref="OrderRecord"/>; the position in
/// <see cref="AccountRecord.Orders"/> is then found by reference, which costs a pointer compare per order
/// and only when the order exists. An account with few orders (most of them) keeps no map and scans:
/// a handful of compares costs less than the lookup and saves the map's ≈ 300 B per resident account
/// (issue 16). The map is built once the orders pass <see cref="ScanLimit"/> and kept from then on. Built
/// from the record when the processor is created (activation, reload) and kept in step by the processor,
/// the record's only writer; nothing of it is stored, so the record's format is unchanged.
/// </summary>
internal sealed class RestingOrderIndex
{
    /// <summary>Most resting orders found by a scan; above it a map by id is kept.</summary>
    public const int ScanLimit = 8;

    private readonly List<OrderRecord> _orders;
    private Dictionary<string, OrderRecord>? _byId;

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

    /// <summary>True while the orders are found by a map rather than a scan (tests).</summary>
    internal bool Mapped => _byId is not null;

    /// <summary>The position of the first resting order with <paramref name="clientOrderId"/>, or −1.</summary>
    public int Find(string clientOrderId)
    {
        if (_byId is null || _ambiguous)
        {
            return Scan(clientOrderId);
        }

        if (!_byId.TryGetValue(clientOrderId, out var order))
        {
            return -1;
        }

        for (var i = 0; i < _orders.Count; i++)
        {
            if (ReferenceEquals(_orders[i], order))
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
        if (_byId is not null)
        {
            _ambiguous |= !_byId.TryAdd(order.ClientOrderId, order);
        }
        else if (_orders.Count > ScanLimit)
        {
            Build();
        }
    }

    /// <summary>Puts <paramref name="order"/> (the same order id, changed) in place of the order at <paramref name="index"/>.</summary>
    public void Replace(int index, OrderRecord order)
    {
        var old = _orders[index];
        _orders[index] = order;
        if (_byId is not null && _byId.TryGetValue(old.ClientOrderId, out var indexed) && ReferenceEquals(indexed, old))
        {
            _byId[old.ClientOrderId] = order;
        }
    }

    /// <summary>Removes the order at <paramref name="index"/> from the record.</summary>
    public void RemoveAt(int index)
    {
        var order = _orders[index];
        _orders.RemoveAt(index);
        if (_byId is not null && _byId.TryGetValue(order.ClientOrderId, out var indexed) && ReferenceEquals(indexed, order))
        {
            _byId.Remove(order.ClientOrderId);
        }
    }

    private void Build()
    {
        _byId = new Dictionary<string, OrderRecord>(_orders.Count, StringComparer.Ordinal);
        foreach (var o in _orders)
        {
            _ambiguous |= !_byId.TryAdd(o.ClientOrderId, o);
        }
    }

    private int Scan(string clientOrderId)
    {
        for (var i = 0; i < _orders.Count; i++)
        {
            if (string.Equals(_orders[i].ClientOrderId, clientOrderId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

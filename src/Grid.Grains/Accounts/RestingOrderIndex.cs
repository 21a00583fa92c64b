namespace Grid.Grains.Accounts;

/// <summary>
/// The record's resting orders by client order id, so a check, cancel or fill finds its order without
/// comparing the id with every resting one (that scan was 6–9 % of the grid's CPU, docs/performance.md).
/// It maps an id to its <see cref="OrderRecord"/>; the position in <see cref="AccountRecord.Orders"/> is
/// then found by reference, which costs a pointer compare per order and only when the order exists. Built
/// from the record when the processor is created (activation, reload) and kept in step by the processor,
/// the record's only writer; nothing of it is stored, so the record's format is unchanged.
/// </summary>
internal sealed class RestingOrderIndex
{
    private readonly List<OrderRecord> _orders;
    private readonly Dictionary<string, OrderRecord> _byId = new(StringComparer.Ordinal);

    // A record stored before ids were unique per account may hold an id twice: lookups then fall back to the scan.
    private bool _ambiguous;

    public RestingOrderIndex(List<OrderRecord> orders)
    {
        _orders = orders;
        foreach (var o in orders)
        {
            _ambiguous |= !_byId.TryAdd(o.ClientOrderId, o);
        }
    }

    /// <summary>The position of the first resting order with <paramref name="clientOrderId"/>, or −1.</summary>
    public int Find(string clientOrderId)
    {
        if (_ambiguous)
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
        _ambiguous |= !_byId.TryAdd(order.ClientOrderId, order);
    }

    /// <summary>Removes the order at <paramref name="index"/> from the record.</summary>
    public void RemoveAt(int index)
    {
        var order = _orders[index];
        _orders.RemoveAt(index);
        if (_byId.TryGetValue(order.ClientOrderId, out var indexed) && ReferenceEquals(indexed, order))
        {
            _byId.Remove(order.ClientOrderId);
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

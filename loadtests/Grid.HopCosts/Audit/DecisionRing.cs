namespace Grid.HopCosts.Audit;

/// <summary>
/// A candidate cheaper audit store: one fixed-size struct per decision in a preallocated ring; the
/// client order id is kept as its string (it lives as long as the record) and the account as an index.
/// Measured against the AuditEntry ring; not used by the grid.
/// </summary>
internal sealed class DecisionRing(int capacity)
{
    private readonly Slot[] _slots = new Slot[capacity];
    private readonly Lock _gate = new();
    private long _next;

    public void Add(int account, ulong correlationId, string clientOrderId, byte kind, byte decision, byte reason, decimal imAfter, decimal availableAfter, decimal qty, decimal price)
    {
        lock (_gate)
        {
            ref var slot = ref _slots[_next++ % _slots.Length];
            slot = new Slot(DateTime.UtcNow.Ticks, correlationId, clientOrderId, account, kind, decision, reason, imAfter, availableAfter, qty, price);
        }
    }

    private readonly record struct Slot(long Ticks, ulong CorrelationId, string ClientOrderId, int Account, byte Kind, byte Decision, byte Reason, decimal ImAfter, decimal AvailableAfter, decimal Qty, decimal Price);
}

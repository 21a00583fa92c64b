using Grid.Grains.Accounts;

namespace Grid.Grains.Journal;

/// <summary>
/// The account record as last written, kept as values, and the diff of the live record against it: a
/// compact <see cref="JournalEntry"/> carrying only what changed. Diffing the whole image instead of
/// tracking the mutation points keeps the risk core's writers (the ledger, the order list, the windows)
/// unaware of the journal, and cannot miss a change. The cost is a compare per balance, position and
/// remembered memo, and a reference compare per order, per write (a write carries a group of changes),
/// against a full serialization before.
/// </summary>
public sealed class WrittenImage
{
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Qty, decimal Entry, decimal Funding)> _positions = new(StringComparer.Ordinal);
    private readonly List<OrderRecord> _orders = [];
    private readonly List<CheckMemo> _checks = [];
    private readonly List<ulong> _trades = [];
    private readonly List<RequestOutcome> _requests = [];
    private readonly List<RequestOutcome> _funding = [];

    /// <summary>Takes the record as written (after a read or a snapshot).</summary>
    public void Reset(AccountRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _balances.Clear();
        foreach (var (asset, value) in record.Balances)
        {
            _balances[asset] = value;
        }

        _positions.Clear();
        foreach (var (id, p) in record.Positions)
        {
            _positions[id] = (p.Qty, p.Entry, p.Funding);
        }

        Copy(record.Orders, _orders);

        Copy(record.RecentChecks, _checks);
        Copy(record.RecentTrades, _trades);
        Copy(record.RecentRequests, _requests);
        Copy(record.RecentFunding, _funding);
    }

    /// <summary>What changed since the last write; the image then holds the record as this entry writes it.</summary>
    public JournalEntry Changes(AccountRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new JournalEntry
        {
            Version = record.Version,
            Regime = record.Regime,
            Frozen = record.Frozen,
            FrozenReason = record.FrozenReason,
            LastState = record.LastState,
            Balances = MapDiff.Of(_balances, record.Balances, static (a, b) => Exact.Same(a, b), static v => v, static v => v),
            Positions = MapDiff.Of(_positions, record.Positions, static (image, p) => Exact.Same(image.Qty, p.Qty) && Exact.Same(image.Entry, p.Entry) && Exact.Same(image.Funding, p.Funding),
                static p => (p.Qty, p.Entry, p.Funding), static p => new PositionRecord { Qty = p.Qty, Entry = p.Entry, Funding = p.Funding }),
            Orders = OrderDiff(record.Orders),
            Checks = WindowDiff.Of(_checks, record.RecentChecks),
            Trades = WindowDiff.Of(_trades, record.RecentTrades),
            Requests = WindowDiff.Of(_requests, record.RecentRequests),
            Funding = WindowDiff.Of(_funding, record.RecentFunding),
        };
    }

    // The common head and tail are unchanged; what lies between is the splice. Orders are immutable
    // (OrderRecord): the same object is the same order, so this compares pointers and reads no order.
    private OrderSplice? OrderDiff(List<OrderRecord> orders)
    {
        int before = _orders.Count, now = orders.Count, head = 0, tail = 0;
        var image = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_orders);
        var live = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(orders);
        while (head < before && head < now && ReferenceEquals(image[head], live[head]))
        {
            head++;
        }

        if (head == before && head == now)
        {
            return null;
        }

        while (tail < before - head && tail < now - head && ReferenceEquals(image[before - 1 - tail], live[now - 1 - tail]))
        {
            tail++;
        }

        var splice = new OrderSplice { Start = head, Removed = before - head - tail, Inserted = orders.GetRange(head, now - head - tail) };
        _orders.RemoveRange(head, splice.Removed);
        _orders.InsertRange(head, splice.Inserted);
        return splice;
    }

    private static void Copy<T>(List<T> from, List<T> to)
    {
        to.Clear();
        to.AddRange(from);
    }
}

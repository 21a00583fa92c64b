using Grid.Grains.Accounts;

namespace Grid.Grains.Journal;

/// <summary>
/// The account record as last written, kept as values, and the diff of the live record against it: a
/// compact journal entry carrying only what changed, written straight to bytes (<see cref="EntryFormat"/>).
/// Diffing the whole image instead of tracking the mutation points keeps the risk core's writers (the ledger,
/// the order list, the windows) unaware of the journal, and cannot miss a change. The cost is a compare per balance, position,
/// order and remembered memo, per write (a write carries a group of changes), against a full serialization before.
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

    /// <summary>
    /// Writes what changed since the last write as a journal entry (<see cref="EntryFormat"/>) into
    /// <paramref name="w"/>; the image then holds the record as this entry writes it. No entry object is built.
    /// </summary>
    internal void Write(AccountRecord record, EntryWriter w)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(w);
        w.Start();
        w.Byte(EntryFormat.Marker);
        var sectionsAt = w.Reserve16();
        var sections = EntryFormat.Sections.None;
        w.Int(record.Version);
        w.Int((int)record.Regime);
        w.String(record.FrozenReason);
        if (record.Frozen)
        {
            sections |= EntryFormat.Sections.Frozen;
        }

        if (record.LastState is { } last)
        {
            sections |= EntryFormat.Sections.LastState;
            w.Int((int)last);
        }

        if (MapDiff.Write(_balances, record.Balances, static (a, b) => Exact.Same(a, b), static v => v, static (x, v) => x.Decimal(v), w))
        {
            sections |= EntryFormat.Sections.Balances;
        }

        if (MapDiff.Write(_positions, record.Positions, static (image, p) => Exact.Same(image.Qty, p.Qty) && Exact.Same(image.Entry, p.Entry) && Exact.Same(image.Funding, p.Funding),
                static p => (p.Qty, p.Entry, p.Funding), EntryValues.Write, w))
        {
            sections |= EntryFormat.Sections.Positions;
        }

        if (OrderDiff(record.Orders, w))
        {
            sections |= EntryFormat.Sections.Orders;
        }

        sections |= WindowDiff.Write(_checks, record.RecentChecks, EntryValues.Write, w) ? EntryFormat.Sections.Checks : 0;
        sections |= WindowDiff.Write(_trades, record.RecentTrades, EntryValues.Write, w) ? EntryFormat.Sections.Trades : 0;
        sections |= WindowDiff.Write(_requests, record.RecentRequests, EntryValues.Write, w) ? EntryFormat.Sections.Requests : 0;
        sections |= WindowDiff.Write(_funding, record.RecentFunding, EntryValues.Write, w) ? EntryFormat.Sections.Funding : 0;
        w.Patch16(sectionsAt, (ushort)sections);
    }

    /// <summary>What changed since the last write, as the entry replay reads (<see cref="Write"/>, read back): for tests and tools.</summary>
    public JournalEntry Changes(AccountRecord record)
    {
        var w = new EntryWriter();
        Write(record, w);
        return EntryDecoder.Read(w.Written.Span);
    }

    // The common head and tail are unchanged; what lies between is the splice. Orders are values compared
    // exactly (OrderRecord.Same); an unchanged order still holds the strings it was written with, so its
    // string compares end at the reference check.
    private bool OrderDiff(List<OrderRecord> orders, EntryWriter w)
    {
        int before = _orders.Count, now = orders.Count, head = 0, tail = 0;
        var image = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_orders);
        var live = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(orders);
        while (head < before && head < now && OrderRecord.Same(in image[head], in live[head]))
        {
            head++;
        }

        if (head == before && head == now)
        {
            return false;
        }

        while (tail < before - head && tail < now - head && OrderRecord.Same(in image[before - 1 - tail], in live[now - 1 - tail]))
        {
            tail++;
        }

        int removed = before - head - tail, inserted = now - head - tail;
        w.UInt((ulong)head);
        w.UInt((ulong)removed);
        w.UInt((ulong)inserted);
        var added = live.Slice(head, inserted);
        foreach (var order in added)
        {
            EntryValues.Write(w, order);
        }

        _orders.RemoveRange(head, removed);
        _orders.InsertRange(head, added);
        return true;
    }

    private static void Copy<T>(List<T> from, List<T> to)
    {
        to.Clear();
        to.AddRange(from);
    }
}

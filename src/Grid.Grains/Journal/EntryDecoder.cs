using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;
using static Grid.Grains.Journal.EntryFormat;

namespace Grid.Grains.Journal;

/// <summary>
/// Reads an entry of format 1 (<see cref="EntryFormat"/>) into the <see cref="JournalEntry"/> an entry of the Orleans
/// serializer reads into, so that both formats replay through the same <see cref="JournalEntry.ApplyTo"/>. Only
/// activations read entries; the writes never build these objects.
/// </summary>
internal static class EntryDecoder
{
    private delegate T ItemReader<out T>(ref EntryReader r);

    public static JournalEntry Read(ReadOnlySpan<byte> data)
    {
        var r = new EntryReader(data);
        if (r.Byte() != Marker)
        {
            throw new InvalidDataException("journal entry: not format 1");
        }

        var sections = (Sections)r.Fixed16();
        var entry = new JournalEntry
        {
            Version = r.Int(),
            Regime = (MarginRegime)r.Int32(),
            FrozenReason = r.String()!,
            Frozen = sections.HasFlag(Sections.Frozen),
        };
        entry.LastState = sections.HasFlag(Sections.LastState) ? (AccountState)r.Int32() : null;
        if (sections.HasFlag(Sections.Balances))
        {
            entry.Balances = Map(ref r, static (ref EntryReader x) => x.Decimal());
        }

        if (sections.HasFlag(Sections.Positions))
        {
            entry.Positions = Map(ref r, EntryValues.Position);
        }

        if (sections.HasFlag(Sections.Orders))
        {
            var splice = new OrderSplice { Start = r.Index(), Removed = r.Index() };
            splice.Inserted = Items(ref r, EntryValues.Order);
            entry.Orders = splice;
        }

        entry.Checks = sections.HasFlag(Sections.Checks) ? Window(ref r, EntryValues.Memo) : null;
        entry.Trades = sections.HasFlag(Sections.Trades) ? Window(ref r, static (ref EntryReader x) => x.Fixed64()) : null;
        entry.Requests = sections.HasFlag(Sections.Requests) ? Window(ref r, EntryValues.Outcome) : null;
        entry.Funding = sections.HasFlag(Sections.Funding) ? Window(ref r, EntryValues.Outcome) : null;
        if (!r.End)
        {
            throw new InvalidDataException("journal entry: bytes left after the last section");
        }

        return entry;
    }

    // The changed values in the writer's order (a fixed 32-bit count: written before it was known), then the
    // key order + 1 (0: the keys did not change).
    private static MapChange<T> Map<T>(ref EntryReader r, ItemReader<T> value)
    {
        var change = new MapChange<T>();
        var set = r.Fixed32();
        if (set < 0)
        {
            throw new InvalidDataException($"journal entry: {set} changed values");
        }

        for (var i = 0; i < set; i++)
        {
            var key = r.String() ?? throw new InvalidDataException("journal entry: a null key");
            change.Set.Add(key, value(ref r));
        }

        var order = r.Index();
        if (order > 0)
        {
            change.Order = new List<string>(Math.Min(order - 1, r.Remaining));
            for (var i = 0; i < order - 1; i++)
            {
                change.Order.Add(r.String() ?? throw new InvalidDataException("journal entry: a null key"));
            }
        }

        return change;
    }

    private static WindowChange<T> Window<T>(ref EntryReader r, ItemReader<T> item)
    {
        var dropped = r.Index();
        return new WindowChange<T> { Dropped = dropped, Appended = Items(ref r, item) };
    }

    private static List<T> Items<T>(ref EntryReader r, ItemReader<T> item)
    {
        var count = r.Count();
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(item(ref r));
        }

        return items;
    }
}

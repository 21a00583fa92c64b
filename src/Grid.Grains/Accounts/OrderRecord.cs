using Grid.Grains.Journal;
using Grid.Risk.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>
/// A stored resting order (its margin is reserved). A value kept in place in the record's list: an object per
/// order, held by the account's long-lived list, was young at the next gen0 GC (orders are cancelled and
/// replaced within seconds), so the GC copied it and scanned the old list's reference to it (issue 14); as a
/// value it is 80 B inside the list's array and only its id string is left for the GC to trace.
/// Immutable: a partial fill or a smaller amend puts a changed copy in its place (<see cref="WithQty"/>).
/// Equality is exact (decimals with their scale, the time with its offset): the Redis journal's diff tells
/// the orders it wrote from the live ones by it. Stored under a new alias and new fields of the record and the
/// serializer's entry; orders stored as objects before are read through <see cref="LegacyOrderRecord"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.OrderRecord.v2")]
public readonly record struct OrderRecord
{
    public OrderRecord()
    {
    }

    [Id(0)] public string ClientOrderId { get; init; } = "";
    [Id(1)] public string InstrumentId { get; init; } = "";
    [Id(2)] public Side Side { get; init; }
    [Id(3)] public decimal Qty { get; init; }
    [Id(4)] public decimal Price { get; init; }
    [Id(5)] public DateTimeOffset ReservedAt { get; init; }
    [Id(6)] public bool ReduceOnly { get; init; }

    /// <summary>The venue (engine key id) that checked the order.</summary>
    [Id(7)] public string Venue { get; init; } = "";

    /// <summary>This order with <paramref name="qty"/> remaining.</summary>
    public OrderRecord WithQty(decimal qty) => this with { Qty = qty };

    /// <summary>
    /// This order holding the silo's shared copies of its ids (itself when it already does). A string the
    /// stored bytes left out is read as empty, as the class's initializers made it.
    /// </summary>
    internal OrderRecord WithSharedIds()
    {
        string instrument = SharedIds.Share(InstrumentId ?? ""), venue = SharedIds.Share(Venue ?? "");
        return ReferenceEquals(instrument, InstrumentId) && ReferenceEquals(venue, Venue) && ClientOrderId is not null
            ? this
            : this with { ClientOrderId = ClientOrderId ?? "", InstrumentId = instrument, Venue = venue };
    }

    public bool Equals(OrderRecord other) => Same(in this, in other);

    public override int GetHashCode() => ClientOrderId is null ? 0 : StringComparer.Ordinal.GetHashCode(ClientOrderId);

    /// <summary>Exactly the same stored order: every field, 1.5 and 1.50 apart, the same instant at another offset apart.</summary>
    internal static bool Same(in OrderRecord a, in OrderRecord b)
        => string.Equals(a.ClientOrderId, b.ClientOrderId, StringComparison.Ordinal)
            && a.Side == b.Side && a.ReduceOnly == b.ReduceOnly
            && Exact.Same(a.Qty, b.Qty) && Exact.Same(a.Price, b.Price)
            && a.ReservedAt.Ticks == b.ReservedAt.Ticks && a.ReservedAt.Offset == b.ReservedAt.Offset
            && string.Equals(a.InstrumentId, b.InstrumentId, StringComparison.Ordinal)
            && string.Equals(a.Venue, b.Venue, StringComparison.Ordinal);
}

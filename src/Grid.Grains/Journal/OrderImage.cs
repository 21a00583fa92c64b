using Grid.Grains.Accounts;
using Grid.Risk.Accounts;

namespace Grid.Grains.Journal;

/// <summary>
/// A resting order when last written: the object it was, and its values then (orders are changed in
/// place, so the reference alone says nothing about their values).
/// </summary>
internal readonly record struct OrderImage(OrderRecord Record, string ClientOrderId, string InstrumentId, Side Side, decimal Qty, decimal Price, DateTimeOffset ReservedAt, bool ReduceOnly, string Venue)
{
    public static OrderImage Of(OrderRecord o) => new(o, o.ClientOrderId, o.InstrumentId, o.Side, o.Qty, o.Price, o.ReservedAt, o.ReduceOnly, o.Venue);

    /// <summary>
    /// True when <paramref name="o"/> is the same order object holding exactly these values (1.0 and 1.00
    /// differ: they are stored differently). Another object with equal values counts as a change (written
    /// again), which costs a few bytes and keeps the scan to pointer compares where orders shifted.
    /// </summary>
    public bool Matches(OrderRecord o)
        => ReferenceEquals(Record, o) && Exact.Same(Qty, o.Qty) && Exact.Same(Price, o.Price) && Side == o.Side && ReduceOnly == o.ReduceOnly
           && ReservedAt.EqualsExact(o.ReservedAt) && ClientOrderId == o.ClientOrderId && InstrumentId == o.InstrumentId && Venue == o.Venue;

    public OrderRecord ToRecord() => new()
    {
        ClientOrderId = ClientOrderId, InstrumentId = InstrumentId, Side = Side, Qty = Qty, Price = Price, ReservedAt = ReservedAt, ReduceOnly = ReduceOnly, Venue = Venue,
    };
}

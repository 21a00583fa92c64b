using Grid.Grains.Accounts;
using Grid.Risk.Accounts;

namespace Grid.Grains.Journal;

/// <summary>The values of a resting order when last written (orders are changed in place, so their references say nothing).</summary>
internal readonly record struct OrderImage(string ClientOrderId, string InstrumentId, Side Side, decimal Qty, decimal Price, DateTimeOffset ReservedAt, bool ReduceOnly, string Venue)
{
    public static OrderImage Of(OrderRecord o) => new(o.ClientOrderId, o.InstrumentId, o.Side, o.Qty, o.Price, o.ReservedAt, o.ReduceOnly, o.Venue);

    /// <summary>True when <paramref name="o"/> holds exactly these values (1.0 and 1.00 differ: they are stored differently).</summary>
    public bool Matches(OrderRecord o)
        => ClientOrderId == o.ClientOrderId
           && InstrumentId == o.InstrumentId && Side == o.Side && Exact.Same(Qty, o.Qty) && Exact.Same(Price, o.Price)
           && ReservedAt.Equals(o.ReservedAt) && ReservedAt.Offset == o.ReservedAt.Offset && ReduceOnly == o.ReduceOnly && Venue == o.Venue;

    public OrderRecord ToRecord() => new()
    {
        ClientOrderId = ClientOrderId, InstrumentId = InstrumentId, Side = Side, Qty = Qty, Price = Price, ReservedAt = ReservedAt, ReduceOnly = ReduceOnly, Venue = Venue,
    };
}

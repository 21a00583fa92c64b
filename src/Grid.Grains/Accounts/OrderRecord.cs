using Grid.Risk.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>
/// A stored resting order (its margin is reserved). Immutable once made: a partial fill or a smaller
/// amend puts a new object in its place (<see cref="WithQty"/>). The Redis journal relies on it: an order
/// object it wrote still holds what it wrote, so its diff compares references and never reads the
/// orders (it read every order's values per write before, docs/performance.md, issue 15).
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.OrderRecord")]
public sealed class OrderRecord
{
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
    public OrderRecord WithQty(decimal qty) => With(qty, InstrumentId, Venue);

    /// <summary>This order holding the silo's shared copies of its ids (itself when it already does).</summary>
    internal OrderRecord WithSharedIds()
    {
        string instrument = SharedIds.Share(InstrumentId), venue = SharedIds.Share(Venue);
        return ReferenceEquals(instrument, InstrumentId) && ReferenceEquals(venue, Venue) ? this : With(Qty, instrument, venue);
    }

    private OrderRecord With(decimal qty, string instrumentId, string venue) => new()
    {
        ClientOrderId = ClientOrderId, InstrumentId = instrumentId, Side = Side, Qty = qty, Price = Price, ReservedAt = ReservedAt, ReduceOnly = ReduceOnly, Venue = venue,
    };
}

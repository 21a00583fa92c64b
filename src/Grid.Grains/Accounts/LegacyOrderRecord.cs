using Grid.Risk.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>
/// A resting order as stored before it became a value (<see cref="OrderRecord"/>, issue 14): an object, under the
/// old alias. The serializer's class and struct encodings differ (the struct's reader read such orders back with
/// every field empty), so records and journal entries written then are read as these and converted, never written.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.OrderRecord")]
public sealed class LegacyOrderRecord
{
    [Id(0)] public string ClientOrderId { get; init; } = "";
    [Id(1)] public string InstrumentId { get; init; } = "";
    [Id(2)] public Side Side { get; init; }
    [Id(3)] public decimal Qty { get; init; }
    [Id(4)] public decimal Price { get; init; }
    [Id(5)] public DateTimeOffset ReservedAt { get; init; }
    [Id(6)] public bool ReduceOnly { get; init; }
    [Id(7)] public string Venue { get; init; } = "";

    /// <summary>The same order as it is kept now.</summary>
    public OrderRecord ToOrder() => new()
    {
        ClientOrderId = ClientOrderId, InstrumentId = InstrumentId, Side = Side, Qty = Qty, Price = Price,
        ReservedAt = ReservedAt, ReduceOnly = ReduceOnly, Venue = Venue,
    };

    /// <summary>Appends <paramref name="legacy"/> (when any) to <paramref name="orders"/>, converted, in order.</summary>
    internal static void AppendTo(List<OrderRecord> orders, List<LegacyOrderRecord>? legacy)
    {
        if (legacy is null)
        {
            return;
        }

        foreach (var order in legacy)
        {
            orders.Add(order.ToOrder());
        }
    }
}

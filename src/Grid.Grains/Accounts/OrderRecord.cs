using Grid.Risk.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>A stored resting order (its margin is reserved).</summary>
[GenerateSerializer, Alias("grid.OrderRecord")]
public sealed class OrderRecord
{
    [Id(0)] public string ClientOrderId { get; set; } = "";
    [Id(1)] public string InstrumentId { get; set; } = "";
    [Id(2)] public Side Side { get; set; }
    [Id(3)] public decimal Qty { get; set; }
    [Id(4)] public decimal Price { get; set; }
    [Id(5)] public DateTimeOffset ReservedAt { get; set; }
    [Id(6)] public bool ReduceOnly { get; set; }

    /// <summary>The venue (engine key id) that checked the order.</summary>
    [Id(7)] public string Venue { get; set; } = "";
}

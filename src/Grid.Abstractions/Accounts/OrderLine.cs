using Grid.Risk.Accounts;

namespace Grid.Abstractions.Accounts;

/// <summary>A resting order whose margin is reserved, with the venue that checked it.</summary>
[GenerateSerializer, Immutable, Alias("grid.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] string ClientOrderId,
    [property: Id(1)] string InstrumentId,
    [property: Id(2)] Side Side,
    [property: Id(3)] decimal RemainingQty,
    [property: Id(4)] decimal Price,
    [property: Id(5)] DateTimeOffset ReservedAt,
    [property: Id(6)] bool ReduceOnly,
    [property: Id(7)] string Venue = "");

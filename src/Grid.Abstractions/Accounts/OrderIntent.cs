using Grid.Risk.Accounts;

namespace Grid.Abstractions.Accounts;

/// <summary>An order to evaluate without reserving (what-if) or to size (max order size).</summary>
[GenerateSerializer, Immutable, Alias("grid.OrderIntent")]
public sealed record OrderIntent(
    [property: Id(0)] string InstrumentId,
    [property: Id(1)] Side Side,
    [property: Id(2)] decimal Qty,
    [property: Id(3)] decimal Price,
    [property: Id(4)] bool ReduceOnly = false);

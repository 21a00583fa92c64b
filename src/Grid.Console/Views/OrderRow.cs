namespace Grid.Console.Views;

/// <summary>A resting order whose margin is reserved.</summary>
internal sealed record OrderRow(string ClientOrderId, string InstrumentId, string Side, decimal RemainingQty, decimal Price, DateTimeOffset ReservedAt, bool ReduceOnly);

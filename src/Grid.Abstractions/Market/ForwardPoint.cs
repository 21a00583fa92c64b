namespace Grid.Abstractions.Market;

/// <summary>A forward price of an underlying for one expiry.</summary>
[GenerateSerializer, Immutable, Alias("grid.ForwardPoint")]
public sealed record ForwardPoint([property: Id(0)] DateTimeOffset Expiry, [property: Id(1)] decimal Price, [property: Id(2)] DateTimeOffset At);

using Grid.Risk.Accounts;

namespace Grid.Grains.House;

/// <summary>A count of accounts by (state now, state then) in a silo's part, stays included.</summary>
[GenerateSerializer, Immutable, Alias("grid.TransitionPart")]
public sealed record TransitionPart([property: Id(0)] AccountState From, [property: Id(1)] AccountState To, [property: Id(2)] long Count);

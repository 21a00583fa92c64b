using Grid.Risk.Accounts;

namespace Grid.Abstractions.House;

/// <summary>How many accounts go from one state to another (without credits, or under a candidate rulebook).</summary>
/// <param name="From">State now.</param>
/// <param name="To">State then.</param>
/// <param name="Accounts">How many.</param>
[GenerateSerializer, Immutable, Alias("grid.StateTransitionView")]
public sealed record StateTransitionView([property: Id(0)] AccountState From, [property: Id(1)] AccountState To, [property: Id(2)] long Accounts);

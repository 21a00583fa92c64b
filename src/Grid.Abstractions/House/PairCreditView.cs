namespace Grid.Abstractions.House;

/// <summary>Credits granted on one pair of groups (Rulebook §3.5, §5.4), unrounded USD.</summary>
/// <param name="GroupA">First group of the rulebook pair.</param>
/// <param name="GroupB">Second group.</param>
/// <param name="Credit">Credit of the order-inclusive IM.</param>
/// <param name="CreditPositions">Credit of the positions-only IM.</param>
[GenerateSerializer, Immutable, Alias("grid.PairCreditView")]
public sealed record PairCreditView([property: Id(0)] string GroupA, [property: Id(1)] string GroupB, [property: Id(2)] double Credit, [property: Id(3)] double CreditPositions);

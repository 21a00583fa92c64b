namespace Grid.Grains.House;

/// <summary>Credits on one pair of groups in a silo's part of the dependency (Rulebook §5.4).</summary>
[GenerateSerializer, Immutable, Alias("grid.PairPart")]
public sealed record PairPart([property: Id(0)] string GroupA, [property: Id(1)] string GroupB, [property: Id(2)] SumPart Credit, [property: Id(3)] SumPart CreditPositions);

using Grid.Risk.Accounts;

namespace Grid.Grains.House;

/// <summary>One account of a silo's largest IM increases under a candidate rulebook.</summary>
[GenerateSerializer, Immutable, Alias("grid.AccountImpactPart")]
public sealed record AccountImpactPart(
    [property: Id(0)] string AccountId, [property: Id(1)] double ImBefore, [property: Id(2)] double ImAfter, [property: Id(3)] double ImPositionsBefore,
    [property: Id(4)] double ImPositionsAfter, [property: Id(5)] AccountState StateBefore, [property: Id(6)] AccountState StateAfter);

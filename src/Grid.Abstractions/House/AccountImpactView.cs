using Grid.Risk.Accounts;

namespace Grid.Abstractions.House;

/// <summary>One account under the rulebook in force and a candidate (Rulebook §5.5), unrounded USD.</summary>
[GenerateSerializer, Immutable, Alias("grid.AccountImpactView")]
public sealed record AccountImpactView
{
    [Id(0)] public string AccountId { get; init; } = "";
    [Id(1)] public double ImBefore { get; init; }
    [Id(2)] public double ImAfter { get; init; }
    [Id(3)] public double ImPositionsBefore { get; init; }
    [Id(4)] public double ImPositionsAfter { get; init; }
    [Id(5)] public AccountState StateBefore { get; init; }
    [Id(6)] public AccountState StateAfter { get; init; }
}

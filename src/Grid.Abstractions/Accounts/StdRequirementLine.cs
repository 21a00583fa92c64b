namespace Grid.Abstractions.Accounts;

/// <summary>One line of a group's STD requirement (Rulebook §3.6): a position, a pair or a stock balance. Money in USD.</summary>
[GenerateSerializer, Immutable, Alias("grid.StdRequirementLine")]
public sealed record StdRequirementLine(
    [property: Id(0)] string Holding,
    [property: Id(1)] decimal Qty,
    [property: Id(2)] decimal InitialMargin,
    [property: Id(3)] decimal MaintenanceMargin,
    [property: Id(4)] string Rule,
    [property: Id(5)] string PairedWith);

using Grid.Risk.Rulebooks;

namespace Grid.Abstractions.Accounts;

/// <summary>What an account holds: balances, positions and resting orders.</summary>
[GenerateSerializer, Immutable, Alias("grid.PortfolioView")]
public sealed record PortfolioView
{
    [Id(0)] public string AccountId { get; init; } = "";
    [Id(1)] public MarginRegime Regime { get; init; }
    [Id(2)] public IReadOnlyList<CollateralLine> Balances { get; init; } = [];
    [Id(3)] public IReadOnlyList<PositionLine> Positions { get; init; } = [];
    [Id(4)] public IReadOnlyList<OrderLine> Orders { get; init; } = [];
    [Id(5)] public bool Frozen { get; init; }
    [Id(6)] public long Version { get; init; }

    /// <summary>Deterministic hash of the holdings (equal across restarts when nothing changed).</summary>
    [Id(7)] public ulong StateHash { get; init; }

    /// <summary>The market instant the values were computed on; default when the account cannot be priced.</summary>
    [Id(8)] public DateTimeOffset AsOf { get; init; }
}

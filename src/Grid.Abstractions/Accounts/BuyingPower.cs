using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;

namespace Grid.Abstractions.Accounts;

/// <summary>An account's margin as reported to traders and ops (Rulebook §3.1 outputs), in USD.</summary>
[GenerateSerializer, Immutable, Alias("grid.BuyingPower")]
public sealed record BuyingPower
{
    [Id(0)] public string AccountId { get; init; } = "";
    [Id(1)] public MarginRegime Regime { get; init; }
    [Id(2)] public AccountState State { get; init; }
    [Id(3)] public AccountState StatePositionsOnly { get; init; }
    [Id(4)] public decimal Equity { get; init; }
    [Id(5)] public decimal CollateralValue { get; init; }
    [Id(6)] public decimal DerivativeValue { get; init; }
    [Id(7)] public decimal InitialMargin { get; init; }
    [Id(8)] public decimal InitialMarginPositions { get; init; }
    [Id(9)] public decimal MaintenanceMargin { get; init; }
    [Id(10)] public decimal OrderCosts { get; init; }
    [Id(11)] public decimal Available { get; init; }
    [Id(12)] public decimal Excess { get; init; }
    [Id(13)] public decimal Health { get; init; }
    [Id(14)] public decimal LiquidationEnd { get; init; }
    [Id(15)] public decimal CreditTotal { get; init; }
    [Id(16)] public IReadOnlyList<GroupRiskLine> Groups { get; init; } = [];
    [Id(17)] public IReadOnlyList<CollateralLine> Collateral { get; init; } = [];
    [Id(18)] public string RulebookVersion { get; init; } = "";
    /// <summary>The market instant the figures were computed on (the frame's; docs/methodology.md, "The market instant").</summary>
    [Id(19)] public DateTimeOffset AsOf { get; init; }
    [Id(20)] public bool Frozen { get; init; }
    [Id(21)] public long Version { get; init; }

    /// <summary>When the grain computed the figures (not on the wire): orders the snapshots of one account version.</summary>
    [Id(22)] public DateTimeOffset ComputedAt { get; init; }
}

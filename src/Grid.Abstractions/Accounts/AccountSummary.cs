using Grid.Risk.Accounts;

namespace Grid.Abstractions.Accounts;

/// <summary>An account's headline figures for ops lists and risk events.</summary>
[GenerateSerializer, Immutable, Alias("grid.AccountSummary")]
public sealed record AccountSummary
{
    [Id(0)] public string AccountId { get; init; } = "";
    [Id(1)] public AccountState State { get; init; }
    [Id(2)] public decimal Equity { get; init; }
    [Id(3)] public decimal InitialMargin { get; init; }
    [Id(4)] public decimal MaintenanceMargin { get; init; }
    [Id(5)] public decimal Health { get; init; }
    [Id(6)] public bool Frozen { get; init; }
    [Id(7)] public DateTimeOffset At { get; init; }
    [Id(8)] public Grid.Risk.Rulebooks.MarginRegime Regime { get; init; }

    /// <summary>The silo whose monitor watches the account (where its grain last lived).</summary>
    [Id(9)] public string Silo { get; init; } = "";

    /// <summary>True when the account holds positions or borrows: it must stay monitored while idle.</summary>
    [Id(10)] public bool AtRisk { get; init; }

    /// <summary>MM/AE: ≥ 1 means liquidation (Bybit's margin ratio); +∞ when AE ≤ 0 with MM &gt; 0.</summary>
    public double MarginRatio => Equity > 0 ? (double)(MaintenanceMargin / Equity) : MaintenanceMargin > 0 ? double.PositiveInfinity : 0;
}

namespace Grid.Risk.Rulebooks;

/// <summary>Collateral rule for one asset (Rulebook §3.2, §4 items 1, 2, 11).</summary>
public sealed record AssetRule
{
    /// <summary>Asset code, e.g. BTC, USDT, AAPL.</summary>
    public required string Name { get; init; }

    /// <summary>What the asset is.</summary>
    public required AssetKind Kind { get; init; }

    /// <summary>Marginal haircut tiers: the ratio of value kept per slice.</summary>
    public required Tier[] HaircutTiers { get; init; }

    /// <summary>True when tier bounds are USD values rather than quantities.</summary>
    public bool TiersInUsd { get; init; }

    /// <summary>The risk group whose scenarios the balance enters, if its price moves.</summary>
    public string? OffsetGroup { get; init; }

    /// <summary>How a long balance counts.</summary>
    public CollateralMode Mode { get; init; } = CollateralMode.Haircut;

    /// <summary>True for USD and stablecoins, which are priced at 1 whatever a feed says.</summary>
    public bool PricedAtPar => Kind is AssetKind.Usd or AssetKind.Stablecoin;

    /// <summary>True when balances never enter scenarios (USD, stablecoins, cash).</summary>
    public bool IsCashLike => Kind is AssetKind.Usd or AssetKind.Stablecoin or AssetKind.Cash;
}

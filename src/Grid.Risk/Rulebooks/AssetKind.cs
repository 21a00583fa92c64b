namespace Grid.Risk.Rulebooks;

/// <summary>What an asset is (Rulebook §4 item 11). It decides its price source and whether it enters scenarios.</summary>
public enum AssetKind
{
    /// <summary>The reference currency, priced at 1.</summary>
    Usd = 1,
    /// <summary>A stablecoin, priced at 1 whatever a feed says.</summary>
    Stablecoin = 2,
    /// <summary>Other fiat cash, priced at its index.</summary>
    Cash = 3,
    /// <summary>A crypto coin.</summary>
    Crypto = 4,
    /// <summary>A single stock.</summary>
    Equity = 5,
    /// <summary>An exchange-traded fund.</summary>
    Etf = 6,
    /// <summary>An index (a price source for a group; not normally held).</summary>
    Index = 7,
}

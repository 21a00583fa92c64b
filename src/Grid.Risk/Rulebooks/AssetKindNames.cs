namespace Grid.Risk.Rulebooks;

/// <summary>The rulebook's names of <see cref="AssetKind"/> (Rulebook §4 item 11) and the <c>kind:</c> keys of §5.1.</summary>
public static class AssetKindNames
{
    /// <summary>Prefix of a stress key that names a kind rather than an asset.</summary>
    public const string KindPrefix = "kind:";

    /// <summary>The rulebook name of a kind: usd, stablecoin, cash, crypto, equity, etf, index.</summary>
    public static string Name(AssetKind kind) => kind switch
    {
        AssetKind.Usd => "usd",
        AssetKind.Stablecoin => "stablecoin",
        AssetKind.Cash => "cash",
        AssetKind.Crypto => "crypto",
        AssetKind.Equity => "equity",
        AssetKind.Etf => "etf",
        AssetKind.Index => "index",
        _ => "unknown",
    };

    /// <summary>The stress key of a kind, e.g. <c>kind:crypto</c> (cached strings: no allocation per lookup).</summary>
    public static string Key(AssetKind kind) => kind switch
    {
        AssetKind.Usd => "kind:usd",
        AssetKind.Stablecoin => "kind:stablecoin",
        AssetKind.Cash => "kind:cash",
        AssetKind.Crypto => "kind:crypto",
        AssetKind.Equity => "kind:equity",
        AssetKind.Etf => "kind:etf",
        AssetKind.Index => "kind:index",
        _ => "kind:unknown",
    };

    /// <summary>Parses a kind name; false when unknown.</summary>
    public static bool TryParse(string text, out AssetKind kind)
    {
        kind = text switch
        {
            "usd" => AssetKind.Usd,
            "stablecoin" => AssetKind.Stablecoin,
            "cash" => AssetKind.Cash,
            "crypto" => AssetKind.Crypto,
            "equity" => AssetKind.Equity,
            "etf" => AssetKind.Etf,
            "index" => AssetKind.Index,
            _ => 0,
        };
        return kind != 0;
    }
}

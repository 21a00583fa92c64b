namespace Grid.Risk.Rulebooks;

/// <summary>Venue style of an instrument's STD requirement where it differs from the bracket default.</summary>
public enum StdStyle
{
    /// <summary>IM rate with Binance maintenance brackets (the default).</summary>
    Bracket = 0,
    /// <summary>Hyperliquid: IM = N/leverage, MM = N/maxLeverage/2.</summary>
    Hyperliquid = 1,
    /// <summary>dYdX: open-interest-scaled IMF; MM = IMF·MMF·N (Rulebook §4 item 3, example E14).</summary>
    Dydx = 2,
}

/// <summary>Per-instrument STD parameters (the systemic-risk control of Rulebook §4 item 3).</summary>
public sealed record StdOverride
{
    /// <summary>The style.</summary>
    public StdStyle Style { get; init; }

    /// <summary>Hyperliquid: the user leverage.</summary>
    public double Leverage { get; init; }

    /// <summary>Hyperliquid: the market's max leverage.</summary>
    public double MaxLeverage { get; init; }

    /// <summary>dYdX: base initial margin fraction.</summary>
    public double Imf { get; init; }

    /// <summary>dYdX: maintenance as a fraction of IMF.</summary>
    public double Mmf { get; init; }

    /// <summary>dYdX: open interest (USD) where the IMF starts to scale.</summary>
    public double OiLowerCap { get; init; }

    /// <summary>dYdX: open interest (USD) where the IMF reaches 1.</summary>
    public double OiUpperCap { get; init; }
}

namespace Grid.Cli.Commands;

/// <summary>The market inputs <c>grid price</c> publishes (market_data.proto).</summary>
internal enum PriceKind
{
    /// <summary>Index (spot) price of an asset, USD per unit.</summary>
    Index,

    /// <summary>Mark price of a delta-one, spot, stock or SPAN instrument.</summary>
    Mark,

    /// <summary>Implied vol of an option, as a fraction.</summary>
    Vol,

    /// <summary>Forward of an underlying for one expiry.</summary>
    Forward,

    /// <summary>The risk-free rate of equity and index options, as a fraction.</summary>
    Rate,

    /// <summary>Dividend yield of an equity or index underlying, as a fraction.</summary>
    Dividend,

    /// <summary>A published SPAN risk array (16 values per underlying unit, gain positive), optionally with its delta.</summary>
    RiskArray,

    /// <summary>A published SPAN delta, USD per underlying unit.</summary>
    SpanDelta,

    /// <summary>Open interest of an instrument, in contracts.</summary>
    OpenInterest,
}

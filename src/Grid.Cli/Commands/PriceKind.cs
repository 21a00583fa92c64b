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
}

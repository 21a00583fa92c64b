namespace Grid.Risk.Simulation;

/// <summary>A field of a balance, position or resting order, as <see cref="HoldingPaths"/> names it in the request.</summary>
public enum HoldingField
{
    /// <summary>The instrument id (positions and orders) or the asset code (balances).</summary>
    Id = 0,
    /// <summary>Signed contracts of a position, positive contracts of an order, units of a balance.</summary>
    Qty = 1,
    /// <summary>Average entry price of a position.</summary>
    Entry = 2,
    /// <summary>Unsettled funding of a position.</summary>
    Funding = 3,
    /// <summary>Buy or sell of an order.</summary>
    Side = 4,
    /// <summary>Limit price of an order.</summary>
    Price = 5,
}

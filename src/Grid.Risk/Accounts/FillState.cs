namespace Grid.Risk.Accounts;

/// <summary>Which resting orders are assumed filled (Rulebook §3.8).</summary>
public enum FillState
{
    /// <summary>No orders filled: positions only.</summary>
    None = 0,
    /// <summary>Every resting buy filled.</summary>
    Bids = 1,
    /// <summary>Every resting sell filled.</summary>
    Asks = 2,
}

namespace Grid.Risk.Accounts;

/// <summary>Order side.</summary>
public enum Side
{
    /// <summary>Buy.</summary>
    Buy = 1,
    /// <summary>Sell.</summary>
    Sell = 2,
}

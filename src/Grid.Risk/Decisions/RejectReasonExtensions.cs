namespace Grid.Risk.Decisions;

/// <summary>Classifications of <see cref="RejectReason"/>.</summary>
public static class RejectReasonExtensions
{
    /// <summary>
    /// Reasons the margin test gives (its figures describe the order): insufficient margin, and the same
    /// failure reported as reduce-only or bankrupt for an account already in margin call or bankrupt.
    /// Every other reason is a gate that refused before the margin test.
    /// </summary>
    public static bool IsMarginTest(this RejectReason reason)
        => reason is RejectReason.InsufficientMargin or RejectReason.ReduceOnly or RejectReason.AccountBankrupt;
}

namespace Grid.Risk.Decisions;

/// <summary>Whether a withdrawal may leave the account: equity after must cover IM after.</summary>
/// <param name="Accepted">True when it passes.</param>
/// <param name="Reason">Why not.</param>
/// <param name="Shortfall">USD missing when refused.</param>
/// <param name="ExcessAfter">AE − order costs − IM after the withdrawal.</param>
public readonly record struct WithdrawalResult(bool Accepted, RejectReason Reason, double Shortfall, double ExcessAfter);

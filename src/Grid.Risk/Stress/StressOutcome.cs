namespace Grid.Risk.Stress;

/// <summary>One account under one scenario (Rulebook §5.2), unrounded.</summary>
/// <param name="Ae">Adjusted equity now, positions only (resting orders never enter AE).</param>
/// <param name="AeStressed">AE′: the same AE on the shocked market.</param>
/// <param name="ImPositions">The account's positions-only IM (the denominator of the stress coverage).</param>
public readonly record struct StressOutcome(double Ae, double AeStressed, double ImPositions)
{
    /// <summary>Stress P&amp;L = AE′ − AE (a gain is positive).</summary>
    public double Pnl => AeStressed - Ae;

    /// <summary>Deficit D = max(0, −AE′): what the account leaves unpaid if it defaults in the scenario.</summary>
    public double Deficit => Math.Max(0, -AeStressed);

    /// <summary>Stress coverage = −min(0, P&amp;L) / IM_positions: how many positions-only IMs the scenario consumes (0 when IM is 0).</summary>
    public double Coverage => ImPositions > 0 ? -Math.Min(0, Pnl) / ImPositions : 0;
}

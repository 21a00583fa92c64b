using Grid.Risk.Accounts;

namespace Grid.Risk.Margin;

/// <summary>The headline figures of an account, without the per-group breakdown (no allocation).</summary>
/// <param name="Ae">Adjusted equity.</param>
/// <param name="Im">Order-inclusive IM after credits.</param>
/// <param name="OrderCosts">Resting-order costs of the chosen sides.</param>
/// <param name="ImPositions">Positions-only IM.</param>
/// <param name="Mm">Maintenance margin.</param>
/// <param name="State">The account state.</param>
public readonly record struct MarginFigures(double Ae, double Im, double OrderCosts, double ImPositions, double Mm, AccountState State)
{
    /// <summary>AE − order costs − IM.</summary>
    public double Excess => Ae - OrderCosts - Im;

    /// <summary>max(0, excess).</summary>
    public double Available => Math.Max(0, Excess);

    /// <summary>IM − (AE − order costs) when positive: what is missing to leave margin call.</summary>
    public double Shortfall => Math.Max(0, -Excess);
}

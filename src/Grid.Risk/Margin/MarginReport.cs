using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Margin;

/// <summary>
/// Every figure of an account's margin (Rulebook §3.1 outputs, §4 item 16), unrounded; round with
/// <see cref="Money"/> at the boundary (requirements up, equity down).
/// </summary>
public sealed record MarginReport
{
    /// <summary>PM or STD.</summary>
    public MarginRegime Regime { get; init; }

    /// <summary>Adjusted equity AE = CV + DV.</summary>
    public double Ae { get; init; }

    /// <summary>Collateral value after haircuts.</summary>
    public double Cv { get; init; }

    /// <summary>Derivative value.</summary>
    public double Dv { get; init; }

    /// <summary>Balances at index prices, before haircuts.</summary>
    public double RawCollateral { get; init; }

    /// <summary>Order-inclusive IM after credits (the scenario part of the worse sides).</summary>
    public double Im { get; init; }

    /// <summary>Maintenance margin (positions only).</summary>
    public double Mm { get; init; }

    /// <summary>Positions-only IM after credits.</summary>
    public double ImPositions { get; init; }

    /// <summary>Open loss, fee reserve and spot order costs of the chosen sides.</summary>
    public double OrderCosts { get; init; }

    /// <summary>Spot order costs alone.</summary>
    public double SpotOrderCosts { get; init; }

    /// <summary>AE − order costs.</summary>
    public double AeAfterOrderCosts { get; init; }

    /// <summary>max(0, excess): buying power.</summary>
    public double Available { get; init; }

    /// <summary>AE − order costs − IM.</summary>
    public double Excess { get; init; }

    /// <summary>AE − MM.</summary>
    public double Health { get; init; }

    /// <summary>The account state.</summary>
    public AccountState State { get; init; }

    /// <summary>The state ignoring resting orders.</summary>
    public AccountState StatePositionsOnly { get; init; }

    /// <summary>liqEndFraction × positions-only IM: AE a liquidation must reach to end.</summary>
    public double LiquidationEnd { get; init; }

    /// <summary>Σ inter-group credits (order-inclusive).</summary>
    public double CreditTotal { get; init; }

    /// <summary>The credits granted (order-inclusive).</summary>
    public IReadOnlyList<CreditLine> Credits { get; init; } = [];

    /// <summary>Collateral value per asset.</summary>
    public IReadOnlyDictionary<string, double> Collateral { get; init; } = new Dictionary<string, double>();

    /// <summary>Order-inclusive figures per group.</summary>
    public IReadOnlyDictionary<string, GroupReport> Groups { get; init; } = new Dictionary<string, GroupReport>();

    /// <summary>Positions-only figures per group.</summary>
    public IReadOnlyDictionary<string, GroupReport> GroupsPositions { get; init; } = new Dictionary<string, GroupReport>();
}

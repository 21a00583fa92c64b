using Grid.Risk.Accounts;

namespace Grid.Risk.Margin;

/// <summary>One group's requirement as reported (order-inclusive or positions-only).</summary>
public sealed record GroupReport
{
    /// <summary>Group name.</summary>
    public required string Group { get; init; }

    /// <summary>Figures of the chosen fill state.</summary>
    public required GroupFigures Figures { get; init; }

    /// <summary>Inter-group credit attributed to this group.</summary>
    public double Credit { get; init; }

    /// <summary>Scan/|Δ| where the group took part in a credit.</summary>
    public double? Wpr { get; init; }

    /// <summary>The chosen fill state (the worse side).</summary>
    public FillState Side { get; init; }

    /// <summary>Open loss of the chosen side.</summary>
    public double OpenLoss { get; init; }

    /// <summary>Fee reserve of the chosen side.</summary>
    public double FeeReserve { get; init; }

    /// <summary>Spot order cost counted on the chosen side.</summary>
    public double SpotOrderCosts { get; init; }

    /// <summary>Side sums of every fill state that exists.</summary>
    public IReadOnlyDictionary<FillState, double> SideRequirements { get; init; } = new Dictionary<FillState, double>();

    /// <summary>True when another side has the same sum as the chosen one.</summary>
    public bool SideTie { get; init; }

    /// <summary>Positions-only scenario PnL vector (unweighted), in scenario order.</summary>
    public double[] ScenarioPnl { get; init; } = [];

    /// <summary>STD regime: the requirement lines.</summary>
    public IReadOnlyList<StdLine> Lines { get; init; } = [];
}

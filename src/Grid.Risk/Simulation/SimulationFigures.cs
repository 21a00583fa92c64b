namespace Grid.Risk.Simulation;

/// <summary>The figures a simulation computes beyond the buying-power breakdown, which it always gives.</summary>
[Flags]
public enum SimulationFigures
{
    /// <summary>The breakdown only (and the candidate order's decision when there is one).</summary>
    None = 0,
    /// <summary>The largest size of the candidate order that passes.</summary>
    MaxOrderSize = 1,
    /// <summary>Siloed versus cross-margined (Rulebook §4 items 5 and 27).</summary>
    Regimes = 2,
    /// <summary>The rulebook's stress scenarios (Rulebook §5.2).</summary>
    Stress = 4,
    /// <summary>The state and requirements without inter-group credits (Rulebook §5.4).</summary>
    CreditDependency = 8,
    /// <summary>Everything.</summary>
    All = MaxOrderSize | Regimes | Stress | CreditDependency,
}

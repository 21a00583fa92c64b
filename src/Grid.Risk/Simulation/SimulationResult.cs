using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Regimes;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;

namespace Grid.Risk.Simulation;

/// <summary>Every figure of one simulated portfolio, unrounded (round at the boundary with <see cref="Money"/>).</summary>
public sealed record SimulationResult
{
    /// <summary>What the portfolio was margined against.</summary>
    public required SimulationBasis Basis { get; init; }

    /// <summary>The portfolio's book (its holdings, indexed on the basis).</summary>
    public required AccountBook Book { get; init; }

    /// <summary>The buying-power breakdown.</summary>
    public required MarginReport Report { get; init; }

    /// <summary>The candidate order's decision, when an order was given.</summary>
    public OrderOutcome? Order { get; init; }

    /// <summary>Max order size of the candidate in micro-units (<see cref="Decisions.MaxOrderSize"/>), when asked.</summary>
    public long? MaxOrderUnits { get; init; }

    /// <summary>Siloed versus cross, when asked.</summary>
    public RegimeComparison? Regimes { get; init; }

    /// <summary>The shocked market of the rulebook's scenarios, when stress was asked.</summary>
    public StressMarket? StressMarket { get; init; }

    /// <summary>One outcome per scenario of <see cref="StressMarket"/>.</summary>
    public IReadOnlyList<StressOutcome> Stress { get; init; } = [];

    /// <summary>The figures without inter-group credits, when asked.</summary>
    public CreditDependency? Dependency { get; init; }
}

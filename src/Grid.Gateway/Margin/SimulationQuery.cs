using Grid.Risk.Simulation;

namespace Grid.Gateway.Margin;

/// <summary>A Simulate request read and checked: what to margin, the candidate order, and the figures asked.</summary>
/// <param name="Inputs">The portfolio and what it is margined against.</param>
/// <param name="Order">The candidate order for the risk core, or null (none, or refused here).</param>
/// <param name="OrderRefusal">Why the candidate's terms were refused before the gate (a REJECT_REASON_INVALID_ORDER decision), or null.</param>
/// <param name="ClientOrderId">The candidate's label, echoed in its decision.</param>
/// <param name="Figures">The figures asked beyond the breakdown.</param>
internal sealed record SimulationQuery(SimulationInputs Inputs, CandidateOrder? Order, string? OrderRefusal, string ClientOrderId, SimulationFigures Figures)
{
    /// <summary>True when the request carries a candidate order (decided by the core or refused here).</summary>
    public bool HasOrder => Order is not null || OrderRefusal is not null;
}

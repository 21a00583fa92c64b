using Grid.Abstractions.Market;
using Grid.Risk.Simulation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>
/// The server-side work of one Margin.Simulate call: the request read (conversion in), the portfolio
/// margined by the risk core's <see cref="PortfolioSimulator"/> against the silo's live listing or the
/// request's own basis (no grain call), the result written (conversion out). What the benchmarks measure.
/// </summary>
internal sealed class MarginSimulation(PortfolioSimulator simulator, IListedMarketSource? live, SimulationLimits limits)
{
    /// <summary>Simulates <paramref name="request"/>.</summary>
    /// <exception cref="Validation.InvalidFieldException">A typed field is malformed.</exception>
    /// <exception cref="SimulationException">The portfolio or a document cannot be margined.</exception>
    public Wire.SimulateResponse Run(Wire.SimulateRequest request)
    {
        var query = SimulationRequestReader.Read(request, limits);
        var result = simulator.Run(query.Inputs, live?.Current, query.Order, query.Figures);
        return SimulationMessages.ToWire(result, query);
    }
}

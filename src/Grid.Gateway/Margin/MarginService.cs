using Grid.Abstractions.Market;
using Grid.Gateway.Faults;
using Grid.Gateway.Validation;
using Grid.Risk.Simulation;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>grid.v1.Margin: portfolios margined on demand, in process (no grain call, no account touched).</summary>
internal sealed class MarginService : Wire.Margin.MarginBase
{
    private readonly MarginSimulation _simulation;
    private readonly ILogger<MarginService> _logger;

    public MarginService(PortfolioSimulator simulator, IOptions<MarginOptions> options, IServiceProvider services, ILogger<MarginService> logger)
    {
        // The live listing is the silo's; a gateway without a silo in its process margins given bases only.
        var live = (IListedMarketSource?)services.GetService(typeof(IListedMarketSource));
        _simulation = new MarginSimulation(simulator, live, options.Value.Limits());
        _logger = logger;
    }

    public override Task<Wire.SimulateResponse> Simulate(Wire.SimulateRequest request, ServerCallContext context)
    {
        try
        {
            return Task.FromResult(_simulation.Run(request));
        }
        catch (SimulationException e)
        {
            throw WireErrors.ToRpcException(SimulationFaults.Detail(e));
        }
        catch (InvalidFieldException e)
        {
            throw WireErrors.ToRpcException(e.ToDetail());
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "value")
        {
            // Money refuses a non-finite figure: only market inputs of absurd magnitude get here.
            throw WireErrors.ToRpcException(WireErrors.Detail(Wire.ErrorCode.InvalidField, "market", "a figure of the portfolio is not a finite number: check the market's magnitudes"));
        }
        catch (Exception e) when (e is not RpcException)
        {
            GatewayLog.SimulationFailed(_logger, e);
            throw WireErrors.ToRpcException(WireErrors.Detail(Wire.ErrorCode.Internal, "", $"the simulation failed ({e.GetType().Name})"));
        }
    }
}

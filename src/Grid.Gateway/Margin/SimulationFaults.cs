using Grid.Gateway.Faults;
using Grid.Risk.Simulation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>A refused simulation as the ErrorDetail margin.proto documents for it.</summary>
internal static class SimulationFaults
{
    public static Wire.ErrorDetail Detail(SimulationException e) => WireErrors.Detail(
        e.Fault switch
        {
            SimulationFault.UnknownInstrument => Wire.ErrorCode.UnknownInstrument,
            SimulationFault.UnknownAsset => Wire.ErrorCode.UnknownAsset,
            SimulationFault.LiveMarketUnpriced or SimulationFault.NoLiveMarket => Wire.ErrorCode.FailedPrecondition,
            _ => Wire.ErrorCode.InvalidField,
        },
        e.Field,
        e.Message);
}

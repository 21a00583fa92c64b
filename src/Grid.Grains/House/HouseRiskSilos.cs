using Orleans.Runtime.Services;

namespace Grid.Grains.House;

/// <summary>The grain-service client of <see cref="IHouseRiskSilo"/>: one reference per silo address.</summary>
internal sealed class HouseRiskSilos(IServiceProvider services) : GrainServiceClient<IHouseRiskSilo>(services), IHouseRiskSilos
{
    public IHouseRiskSilo On(SiloAddress silo) => GetGrainService(silo);
}

using Orleans.Services;

namespace Grid.Grains.House;

/// <summary>Addresses the <see cref="IHouseRiskSilo"/> of a given silo.</summary>
public interface IHouseRiskSilos : IGrainServiceClient<IHouseRiskSilo>
{
    /// <summary>The service running in <paramref name="silo"/>.</summary>
    IHouseRiskSilo On(SiloAddress silo);
}

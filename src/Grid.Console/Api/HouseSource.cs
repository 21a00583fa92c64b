using Grid.Abstractions.House;
using Grid.Console.Views;

namespace Grid.Console.Api;

/// <summary>The House risk page: what the house grain keeps (the latest run, the last dry run); nothing is recomputed.</summary>
internal sealed class HouseSource(IGrainFactory grains)
{
    /// <summary>Key of the house grain.</summary>
    public const string Key = "house";

    public async Task<HouseView> Get()
    {
        var house = grains.GetGrain<IHouseRiskGrain>(Key);
        var run = await house.Latest();
        var dryRun = await house.LastDryRun();
        return new HouseView(run is null ? null : HouseRows.Run(run), dryRun is null ? null : HouseRows.Impact(dryRun));
    }
}

using Grid.Abstractions.House;

namespace Grid.Grains.House;

/// <summary>Stored state of the house grain: the latest run and the last dry-run impact, served without recomputing.</summary>
[GenerateSerializer, Alias("grid.HouseRiskRecord")]
public sealed class HouseRiskRecord
{
    [Id(0)] public HouseRiskView? Latest { get; set; }
    [Id(1)] public RulebookImpactView? LastDryRun { get; set; }
}

using Grid.Abstractions.House;
using Grid.Grains.House;

namespace Grid.Grains.Tests.House;

/// <summary>A house event goes out when a scenario's coverage ratio crosses 1, either way, and not while nothing crosses.</summary>
public sealed class HouseCoverageTests
{
    [Fact]
    public void FallingBelowOne_AndComingBack_AreAnnounced_StayingIsNot()
    {
        var covered = Run(("crash", 2.5), ("calm", double.PositiveInfinity));
        var short1 = Run(("crash", 0.8), ("calm", double.PositiveInfinity));
        var short2 = Run(("crash", 0.7), ("calm", double.PositiveInfinity));

        Assert.Null(HouseCoverage.Crossed(null, covered));
        var fell = HouseCoverage.Crossed(covered, short1)!;
        Assert.Equal((false, true), (fell.Scenarios[0].Covered, fell.Scenarios[0].WasCovered));
        Assert.True(fell.Scenarios[1].Covered);
        Assert.Null(HouseCoverage.Crossed(short1, short2));
        Assert.True(HouseCoverage.Crossed(short2, covered)!.Scenarios[0].Covered);
        Assert.NotNull(HouseCoverage.Crossed(null, short1));
    }

    private static HouseRiskView Run(params (string Name, double Ratio)[] scenarios) => new()
    {
        RulebookVersion = "v",
        GuaranteeFund = 100,
        Scenarios = [.. scenarios.Select(s => new HouseScenarioView { Scenario = s.Name, CoverageRatio = s.Ratio, Cover2 = double.IsFinite(s.Ratio) ? 100 / s.Ratio : 0 })],
    };
}

using Grid.Grains.House;

namespace Grid.Grains.Tests.House;

/// <summary>Grid:House settings are checked at start, each problem named.</summary>
public sealed class HouseRiskOptionsValidatorTests
{
    [Fact]
    public void TheDefaults_AndTheScheduleOff_AreValid()
    {
        Assert.True(new HouseRiskOptionsValidator().Validate(null, new HouseRiskOptions()).Succeeded);
        Assert.True(new HouseRiskOptionsValidator().Validate(null, new HouseRiskOptions { StressInterval = TimeSpan.Zero }).Succeeded);
    }

    [Fact]
    public void EveryBadSetting_IsNamed()
    {
        var result = new HouseRiskOptionsValidator().Validate(null, new HouseRiskOptions
        {
            StressInterval = TimeSpan.FromMilliseconds(10), Top = 1, PartTimeout = TimeSpan.Zero, RevisionWait = TimeSpan.FromSeconds(-1), ReportPageSize = 0,
            ReportIdleTimeout = TimeSpan.Zero,
        });
        Assert.True(result.Failed);
        foreach (var key in new[] { "StressInterval", "Top", "PartTimeout", "RevisionWait", "ReportPageSize", "ReportIdleTimeout" })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith($"Grid:House:{key} ", StringComparison.Ordinal));
        }
    }
}

using Grid.Abstractions.House;
using Grid.Abstractions.Risk;

namespace Grid.Grains.House;

/// <summary>When a house run is worth an event: some scenario's coverage ratio fell below 1, or came back to 1 or more.</summary>
internal static class HouseCoverage
{
    /// <summary>The event's house data, or null when no scenario crossed 1 (a scenario not in the previous run counts as covered before).</summary>
    public static HouseCoverageData? Crossed(HouseRiskView? previous, HouseRiskView run)
    {
        var before = previous?.Scenarios.ToDictionary(s => s.Scenario, s => s.Covered, StringComparer.Ordinal) ?? [];
        var scenarios = run.Scenarios.Select(s => new ScenarioCoverageData(s.Scenario, s.Cover2, s.CoverageRatio, before.GetValueOrDefault(s.Scenario, true))).ToList();
        return scenarios.Any(s => s.Covered != s.WasCovered)
            ? new HouseCoverageData { RulebookVersion = run.RulebookVersion, MarketAsOf = run.MarketAsOf, GuaranteeFund = run.GuaranteeFund, Scenarios = scenarios }
            : null;
    }
}

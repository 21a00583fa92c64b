namespace Grid.Abstractions.Risk;

/// <summary>One scenario's coverage in a house coverage event (Rulebook §5.3).</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Cover2">The sum of the two largest deficits (USD, unrounded).</param>
/// <param name="CoverageRatio">guaranteeFund / Cover-2; +∞ when Cover-2 is 0.</param>
/// <param name="WasCovered">Coverage ≥ 1 in the previous run (true before the first).</param>
[GenerateSerializer, Immutable, Alias("grid.ScenarioCoverageData")]
public sealed record ScenarioCoverageData([property: Id(0)] string Scenario, [property: Id(1)] double Cover2, [property: Id(2)] double CoverageRatio, [property: Id(3)] bool WasCovered)
{
    /// <summary>Coverage ≥ 1 now.</summary>
    public bool Covered => CoverageRatio >= 1;
}

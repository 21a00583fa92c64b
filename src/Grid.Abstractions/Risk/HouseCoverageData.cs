namespace Grid.Abstractions.Risk;

/// <summary>A house event: a house run in which some scenario's coverage ratio fell below 1 or came back to 1 or more.</summary>
[GenerateSerializer, Immutable, Alias("grid.HouseCoverageData")]
public sealed record HouseCoverageData
{
    [Id(0)] public string RulebookVersion { get; init; } = "";
    [Id(1)] public DateTimeOffset MarketAsOf { get; init; }
    [Id(2)] public double GuaranteeFund { get; init; }

    /// <summary>Every scenario of the run, in rulebook order.</summary>
    [Id(3)] public IReadOnlyList<ScenarioCoverageData> Scenarios { get; init; } = [];
}

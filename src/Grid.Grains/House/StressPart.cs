namespace Grid.Grains.House;

/// <summary>A silo's part of a house run: stress (Rulebook §5.3) and dependency (§5.4) over the accounts it monitors.</summary>
[GenerateSerializer, Immutable, Alias("grid.StressPart")]
public sealed record StressPart
{
    [Id(0)] public string Silo { get; init; } = "";
    [Id(1)] public string RulebookVersion { get; init; } = "";
    [Id(2)] public double GuaranteeFund { get; init; }
    [Id(3)] public DateTimeOffset MarketAsOf { get; init; }
    [Id(4)] public long Accounts { get; init; }
    [Id(5)] public long Skipped { get; init; }
    [Id(6)] public ScenarioPart[] Scenarios { get; init; } = [];
    [Id(7)] public DependencyPart Dependency { get; init; } = new();
    [Id(8)] public TimeSpan Elapsed { get; init; }

    /// <summary>The rulebook revision the silo valued under (a newer one than asked means a load raced the run).</summary>
    [Id(9)] public long Revision { get; init; }

    /// <summary>Of <see cref="Elapsed"/>, what the stress (§5.3) took; the rest is the dependency (§5.4).</summary>
    [Id(10)] public TimeSpan StressElapsed { get; init; }
}

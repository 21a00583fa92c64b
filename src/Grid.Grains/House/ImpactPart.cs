namespace Grid.Grains.House;

/// <summary>A silo's part of a rulebook impact (Rulebook §5.5), exact sums.</summary>
[GenerateSerializer, Immutable, Alias("grid.ImpactPart")]
public sealed record ImpactPart
{
    [Id(0)] public string Silo { get; init; } = "";
    [Id(1)] public string CurrentVersion { get; init; } = "";
    [Id(2)] public string CandidateVersion { get; init; } = "";
    [Id(3)] public int Top { get; init; }
    [Id(4)] public long Accounts { get; init; }
    [Id(5)] public long Skipped { get; init; }

    /// <summary>IM before, IM after, positions-only IM before, after.</summary>
    [Id(6)] public SumPart[] Sums { get; init; } = [];

    [Id(7)] public TransitionPart[] Transitions { get; init; } = [];
    [Id(8)] public AccountImpactPart[] Largest { get; init; } = [];
    [Id(9)] public DateTimeOffset MarketAsOf { get; init; }

    /// <summary>The rulebook revision in force on the silo.</summary>
    [Id(10)] public long Revision { get; init; }
}

namespace Grid.Grains.House;

/// <summary>A silo's part of the house cross-margin dependency (Rulebook §5.4), exact sums.</summary>
[GenerateSerializer, Immutable, Alias("grid.DependencyPart")]
public sealed record DependencyPart
{
    [Id(0)] public long Accounts { get; init; }
    [Id(1)] public long Skipped { get; init; }
    [Id(2)] public long LeavingOk { get; init; }

    /// <summary>Siloed, cross, credit, positions-only credit, IM, IM without credits, called IM.</summary>
    [Id(3)] public SumPart[] Sums { get; init; } = [];

    [Id(4)] public PairPart[] Pairs { get; init; } = [];
    [Id(5)] public TransitionPart[] Transitions { get; init; } = [];
}

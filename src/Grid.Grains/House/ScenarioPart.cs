namespace Grid.Grains.House;

/// <summary>One scenario's tally in a silo's part of a house stress run (Rulebook §5.3).</summary>
[GenerateSerializer, Immutable, Alias("grid.ScenarioPart")]
public sealed record ScenarioPart
{
    [Id(0)] public string Scenario { get; init; } = "";
    [Id(1)] public int Capacity { get; init; }
    [Id(2)] public SumPart Pnl { get; init; }
    [Id(3)] public SumPart Deficit { get; init; }
    [Id(4)] public long InDeficit { get; init; }
    [Id(5)] public TopAccountPart[] Top { get; init; } = [];
}

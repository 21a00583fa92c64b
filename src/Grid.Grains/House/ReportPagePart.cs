namespace Grid.Grains.House;

/// <summary>One page of a silo's report part: account lines (Rulebook §5.6 JSON Lines); the last page carries the silo's house part.</summary>
[GenerateSerializer, Immutable, Alias("grid.ReportPagePart")]
public sealed record ReportPagePart
{
    [Id(0)] public string[] Lines { get; init; } = [];

    /// <summary>Set on the last page: stress and dependency over exactly the lines sent.</summary>
    [Id(1)] public StressPart? House { get; init; }
}

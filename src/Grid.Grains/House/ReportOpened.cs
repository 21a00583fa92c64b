namespace Grid.Grains.House;

/// <summary>A silo's report part, opened: its token, the rulebook and market it values at, and how many accounts it will send.</summary>
[GenerateSerializer, Immutable, Alias("grid.ReportOpened")]
public sealed record ReportOpened
{
    [Id(0)] public Guid Token { get; init; }
    [Id(1)] public string RulebookVersion { get; init; } = "";
    [Id(2)] public long Revision { get; init; }
    [Id(3)] public DateTimeOffset MarketAsOf { get; init; }
    [Id(4)] public long Accounts { get; init; }
}

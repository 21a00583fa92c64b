namespace Grid.Grains.Market;

/// <summary>Stored state of the market directory: what has been published, so it can be reloaded.</summary>
[GenerateSerializer, Alias("grid.DirectoryRecord")]
public sealed class DirectoryRecord
{
    [Id(0)] public HashSet<string> Instruments { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public HashSet<string> Underlyings { get; set; } = new(StringComparer.Ordinal);
}

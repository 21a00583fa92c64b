using Grid.Abstractions.Market;

namespace Grid.Grains.Market;

/// <summary>Stored state of an underlying grain.</summary>
[GenerateSerializer, Alias("grid.UnderlyingRecord")]
public sealed class UnderlyingRecord
{
    /// <summary>The asset's prices, or null before the first publication.</summary>
    [Id(0)] public UnderlyingInfo? Info { get; set; }
}

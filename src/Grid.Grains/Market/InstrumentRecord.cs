using Grid.Abstractions.Market;

namespace Grid.Grains.Market;

/// <summary>Stored state of an instrument grain.</summary>
[GenerateSerializer, Alias("grid.InstrumentRecord")]
public sealed class InstrumentRecord
{
    /// <summary>The instrument, or null before it is listed.</summary>
    [Id(0)] public InstrumentInfo? Info { get; set; }
}

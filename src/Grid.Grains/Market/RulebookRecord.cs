using Grid.Abstractions.Market;

namespace Grid.Grains.Market;

/// <summary>Stored state of the rulebook grain.</summary>
[GenerateSerializer, Alias("grid.RulebookRecord")]
public sealed class RulebookRecord
{
    /// <summary>The rulebook in force, or null while the shipped default applies.</summary>
    [Id(0)] public RulebookInfo? Info { get; set; }
}

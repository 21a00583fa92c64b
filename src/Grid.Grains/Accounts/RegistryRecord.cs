using Grid.Abstractions.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>Stored state of the account registry: the latest summary per account.</summary>
[GenerateSerializer, Alias("grid.RegistryRecord")]
public sealed class RegistryRecord
{
    [Id(0)] public Dictionary<string, AccountSummary> Accounts { get; set; } = new(StringComparer.Ordinal);
}

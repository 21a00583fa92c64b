using Grid.Abstractions.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>
/// Stored state of a registry bucket: the latest summary per account of the bucket (state "registry"),
/// and its claim journal (state "claims"). Also the record of the single registry of earlier versions
/// (every account, under grain "account-registry/accounts"), which the registry spreads into the
/// buckets once and clears.
/// </summary>
[GenerateSerializer, Alias("grid.RegistryRecord")]
public sealed class RegistryRecord
{
    [Id(0)] public Dictionary<string, AccountSummary> Accounts { get; set; } = new(StringComparer.Ordinal);
}

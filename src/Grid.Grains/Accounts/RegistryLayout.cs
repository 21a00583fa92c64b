namespace Grid.Grains.Accounts;

/// <summary>
/// The bucket count the cluster's registry was laid out with, stored once: every silo must hash accounts
/// into the same buckets, or claims land where listings and revivals never look.
/// </summary>
[GenerateSerializer, Alias("grid.RegistryLayout")]
public sealed class RegistryLayout
{
    /// <summary>Buckets of the stored registry; 0 before the first silo agreed on a count.</summary>
    [Id(0)] public int Buckets { get; set; }
}

namespace Grid.Grains.Accounts;

/// <summary>How the account registry is split (configuration section "Grid:Registry").</summary>
public sealed class AccountRegistryOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Grid:Registry";

    /// <summary>
    /// Buckets the registry is split into by a stable hash of the account id. A claim rewrites one bucket,
    /// about N/Buckets summaries (~1,000 at a million accounts, ~100 KB); listings and waking a dead
    /// silo's accounts call every bucket, so more buckets cost every walk. 1,024 keeps both small from a
    /// few accounts to a few million. Fixed for the life of a deployment: changing it re-homes every
    /// account to another bucket, and the old buckets' entries are no longer read (see docs/operations.md).
    /// </summary>
    public int Buckets { get; set; } = 1024;
}

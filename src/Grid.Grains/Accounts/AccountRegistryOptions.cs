namespace Grid.Grains.Accounts;

/// <summary>How the account registry is split (configuration section "Grid:Registry").</summary>
public sealed class AccountRegistryOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Grid:Registry";

    /// <summary>
    /// Buckets the registry is split into by a stable hash of the account id. A bucket's record holds about
    /// N/Buckets summaries (~1,000 and ~120 KB at a million accounts), rewritten by its periodic save;
    /// listings and waking a dead silo's accounts call every bucket, so more buckets cost every walk.
    /// 1,024 keeps both small from a few accounts to a few million. Fixed for the life of a deployment:
    /// changing it re-homes every account to another bucket, and the old buckets' entries are no longer
    /// read (see docs/operations.md).
    /// </summary>
    public int Buckets { get; set; } = 1024;

    /// <summary>
    /// Claims a bucket keeps in its claim journal (a small record of its own, written before a claim is
    /// answered) before folding them into the bucket's record. A claim writes the journal only, at most
    /// this many summaries whatever the number of accounts; one bucket save per this many claims.
    /// </summary>
    public int ClaimJournal { get; set; } = 32;
}

namespace Grid.Grains.Journal;

/// <summary>
/// The account journal of Redis mode (section <c>Grid:Journal</c>, docs/operations.md): each write appends
/// what changed, a snapshot replaces the journal every <see cref="SnapshotEvery"/> entries, and one silo
/// writer carries the appends of many accounts in one round trip.
/// </summary>
public sealed class JournalOptions
{
    public const string Section = "Grid:Journal";

    /// <summary>True: accounts are journaled. False: every write stores the whole record through the grain storage (the format before the journal).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Entries after which the next write is a snapshot that trims the journal (bounds the replay on activation).</summary>
    public int SnapshotEvery { get; set; } = 1_000;

    /// <summary>Most account writes carried by one Redis round trip.</summary>
    public int MaxBatch { get; set; } = 512;
}

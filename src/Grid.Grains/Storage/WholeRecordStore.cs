using System.Diagnostics;
using Grid.Abstractions;
using Grid.Grains.Accounts;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>
/// The account's whole record written through the grain storage (ETag-checked), under the state name
/// "account" the grain always used. The embedded default: its silo-memory store keeps a reference, so a
/// write costs nothing there.
/// </summary>
public sealed class WholeRecordStore(IGrainStorage storage, GrainId account) : IAccountStore
{
    /// <summary>The state name of the account's record in the grain storage.</summary>
    public const string StateName = "account";

    private readonly StoredRecord<AccountRecord> _record = new(storage, StateName, account);

    public AccountRecord State => _record.State;

    public bool RecordExists => _record.RecordExists;

    public Task ReadStateAsync() => _record.ReadStateAsync();

    public Task WriteStateAsync()
    {
        // The store times its writes (the group commit does not wait on them; GroupCommit says why).
        var started = Stopwatch.GetTimestamp();
        var write = _record.WriteStateAsync();
        if (!write.IsCompleted)
        {
            return Timed(write, started);
        }

        if (write.IsCompletedSuccessfully)
        {
            GridMetrics.StorageWrite.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return write;
    }

    private static async Task Timed(Task write, long started)
    {
        await write;
        GridMetrics.StorageWrite.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}

using Grid.Grains.Accounts;
using Grid.Grains.Storage;
using Orleans.Storage;

namespace Grid.Grains.Journal;

/// <summary>
/// Whole records in Redis mode with the journal turned off (<see cref="JournalOptions.Enabled"/> false):
/// an account that already has a journal refuses to activate rather than be read from its stale whole
/// record (there is no migration back; docs/operations.md).
/// </summary>
internal sealed class WholeRecordAfterJournal(IGrainStorage storage, GrainId account, JournalKeys keys, SiloJournalWriter writer) : IAccountStore
{
    private readonly WholeRecordStore _record = new(storage, account);

    public AccountRecord State => _record.State;

    public bool RecordExists => _record.RecordExists;

    public async Task ReadStateAsync()
    {
        var db = await writer.Database();
        if (await db.KeyExistsAsync(keys.Head))
        {
            throw new InvalidOperationException(
                $"account {account} is journaled ({keys.Head}): with Grid:Journal:Enabled=false it would be read from its stale whole record; turn the journal back on");
        }

        await _record.ReadStateAsync();
    }

    public Task WriteStateAsync() => _record.WriteStateAsync();
}

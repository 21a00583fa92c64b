using Grid.Grains.Accounts;

namespace Grid.Grains.Storage;

/// <summary>
/// Where an account grain keeps its record: the one seam between the grain and its storage. The
/// embedded default writes the whole record to the silo's memory (it costs nothing there); Redis mode
/// appends a journal of what changed since the last write. Either way a write must fail, never
/// overwrite, when another activation of the account wrote meanwhile (single writer).
/// </summary>
public interface IAccountStore
{
    /// <summary>The record as last read or as changed since.</summary>
    AccountRecord State { get; }

    /// <summary>True once the record was read from storage or written to it.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the record (on activation); a missing record leaves a new one.</summary>
    Task ReadStateAsync();

    /// <summary>Makes every change of <see cref="State"/> durable; throws when it could not (the grain then reloads).</summary>
    Task WriteStateAsync();
}

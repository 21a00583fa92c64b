using Grid.Abstractions.Accounts;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// The account grain references of the pre-trade path, kept so a message does not pay
/// <c>GetGrain&lt;IAccountGrain&gt;(string)</c> (3.6 µs and 1.4 KB: Orleans resolves the interface's
/// grain type by reflection on every call, docs/performance.md). A direct-mapped table of
/// <see cref="Slots"/> entries: an account hashes to one slot, a miss (or another account in the slot)
/// resolves once and overwrites it, so memory is bounded whatever the number of accounts, and readers
/// on any thread see a whole entry or the previous one (one reference write), never a torn pair.
/// </summary>
internal sealed class AccountGrainReferences(IGrainFactory grains)
{
    /// <summary>Slots of the table (a power of two): 512 KB of references, one slot per account up to tens of thousands.</summary>
    public const int Slots = 1 << 16;

    private readonly Entry?[] _entries = new Entry?[Slots];

    /// <summary>The grain of <paramref name="accountId"/>: cached, or resolved and cached.</summary>
    public IAccountGrain Of(string accountId)
    {
        var slot = (int)((uint)string.GetHashCode(accountId, StringComparison.Ordinal) & (Slots - 1));
        var entry = Volatile.Read(ref _entries[slot]);
        if (entry is not null && string.Equals(entry.AccountId, accountId, StringComparison.Ordinal))
        {
            return entry.Grain;
        }

        var grain = grains.GetGrain<IAccountGrain>(accountId);
        Volatile.Write(ref _entries[slot], new Entry(accountId, grain));
        return grain;
    }

    /// <summary>One slot's content, replaced as a whole.</summary>
    private sealed record Entry(string AccountId, IAccountGrain Grain);
}

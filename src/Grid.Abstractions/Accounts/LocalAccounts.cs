using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Grid.Abstractions.Accounts;

/// <summary>
/// The account activations of this silo that take batches straight from the co-hosted gateway (one per
/// account at most). An activation opens its entry from its first engine batch and closes it when it
/// deactivates; the gateway looks an account up per batch and makes the grain call when it finds nothing.
/// Silo-local and shared by every thread: a concurrent map, and counters read by tests and the load reports.
/// </summary>
public sealed class LocalAccounts
{
    private readonly ConcurrentDictionary<string, ILocalAccount> _open = new(StringComparer.Ordinal);
    private long _taken;
    private long _fellBack;

    /// <summary>Batches run in an activation's turn without a grain call.</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>Batches that found an entry closing and went by grain call instead.</summary>
    public long FellBack => Interlocked.Read(ref _fellBack);

    /// <summary>Activations open to the gateway now.</summary>
    public int Count => _open.Count;

    /// <summary>Publishes <paramref name="account"/> as the activation of <paramref name="accountId"/> (a newer one replaces an older).</summary>
    public void Open(string accountId, ILocalAccount account) => _open[accountId] = account;

    /// <summary>Withdraws <paramref name="account"/>, and only it: a newer activation's entry stays.</summary>
    public void Close(string accountId, ILocalAccount account) => _open.TryRemove(KeyValuePair.Create(accountId, account));

    /// <summary>The open activation of <paramref name="accountId"/>, if this silo has one.</summary>
    public bool TryFind(string accountId, [NotNullWhen(true)] out ILocalAccount? account) => _open.TryGetValue(accountId, out account);

    /// <summary>Counts a batch run in an activation's turn.</summary>
    public void CountTaken() => Interlocked.Increment(ref _taken);

    /// <summary>Counts a batch that fell back to the grain call.</summary>
    public void CountFellBack() => Interlocked.Increment(ref _fellBack);
}

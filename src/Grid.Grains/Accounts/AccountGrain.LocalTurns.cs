using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;

namespace Grid.Grains.Accounts;

/// <summary>
/// The silo-local path of engine batches (<see cref="LocalTurns"/>): the activation opens its entry from its
/// first grain-called batch (it is then surely valid and activated) and takes later batches of this silo's
/// gateway in its own turns, without Orleans messaging.
/// </summary>
public sealed partial class AccountGrain
{
    private readonly LocalAccounts _localAccounts;
    private readonly TimeSpan _keepAlive;
    private LocalTurns? _local;
    private long _keptAliveAt;

    /// <summary>Opens the activation to the gateway's batches, once (a closed entry is never reopened).</summary>
    private void OpenLocalTurns() => _local ??= new LocalTurns(this, GrainContext, _localAccounts, AccountId);

    /// <summary>
    /// A batch from <see cref="LocalTurns"/>, in the grain's turn. Orleans resets an activation's idle clock
    /// when a call completes; no call arrives here, so the batch keeps the activation from idle collection
    /// itself, for the collection age from now (renewed at most once a second: the idle clock then runs from
    /// the last batch, give or take the collector's quantum). The replies go straight into the gateway's buffer.
    /// </summary>
    internal ValueTask ExecuteLocal(ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(replies.Length, commands.Length, nameof(replies));
        var now = Environment.TickCount64;
        if (now - _keptAliveAt >= 1_000 || _keptAliveAt == 0)
        {
            _keptAliveAt = now;
            DelayDeactivation(_keepAlive);
        }

        return Apply(commands, replies);
    }
}

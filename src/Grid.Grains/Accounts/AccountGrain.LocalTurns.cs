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
    /// A batch from <see cref="LocalTurns"/>, in the grain's turn: the apply's first half (the grain call's path
    /// awaits both halves in one method, <see cref="Apply"/>; the local path waits for the write with its turn).
    /// False when the batch was answered at once. Orleans resets an activation's idle clock when a call
    /// completes; no call arrives here, so the batch keeps the activation from idle collection itself, for the
    /// collection age from now (renewed at most once a second: the idle clock then runs from the last batch, give
    /// or take the collector's quantum). The replies go straight into the gateway's buffer.
    /// </summary>
    internal bool BeginLocal(ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies, out AppliedBatch batch)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(replies.Length, commands.Length, nameof(replies));
        var now = Environment.TickCount64;
        if (now - _keptAliveAt >= 1_000 || _keptAliveAt == 0)
        {
            _keptAliveAt = now;
            DelayDeactivation(_keepAlive);
        }

        return BeginApply(commands.Span, replies.Span, out batch);
    }

    /// <summary>
    /// The apply's second half for a local batch, in the grain's turn once <see cref="AppliedBatch.Durable"/> has
    /// completed: the write's outcome (a failure answers every command of the batch as not applied), then what
    /// follows the change. Completes when the batch is answered.
    /// </summary>
    internal ValueTask EndLocal(in AppliedBatch batch, ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies)
    {
        try
        {
            batch.Durable.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            WriteFailed(batch, commands.Span, replies.Span, e);
            return default;
        }

        return EndApply(batch, replies);
    }
}

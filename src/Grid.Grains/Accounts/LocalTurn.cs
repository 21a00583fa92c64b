using System.Threading.Tasks.Sources;
using Grid.Abstractions.Engine;

namespace Grid.Grains.Accounts;

/// <summary>
/// One batch handed to an activation by <see cref="LocalTurns"/>: the commands, the buffer for their replies
/// (both the gateway lane's), and the completion the lane awaits (false: not applied, make the grain call). Reused: a turn goes back to a small
/// silo-wide pool once the lane has taken its result, so a batch costs no completion source and no task.
/// Its continuations run asynchronously, so the lane never goes on inside the grain's turn (its replies are
/// written from the thread pool, as after a grain call's response).
/// </summary>
internal sealed class LocalTurn : IValueTaskSource<bool>
{
    // Enough for every batch in flight on a busy silo (one per account lane); beyond it turns are simply collected.
    private const int PoolCapacity = 1024;

    private static readonly Stack<LocalTurn> Pool = new();
    private static readonly Lock PoolGate = new();

    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };

    private LocalTurn()
    {
    }

    /// <summary>The activation's entry that queued the batch.</summary>
    public LocalTurns Owner { get; private set; } = null!;

    /// <summary>The batch, in arrival order.</summary>
    public ReadOnlyMemory<EngineCommand> Commands { get; private set; }

    /// <summary>Where the replies go, slot for slot.</summary>
    public Memory<EngineReply> Replies { get; private set; }

    /// <summary>What the lane awaits, exactly once: true once the replies are written, false when the batch was not applied.</summary>
    public ValueTask<bool> Answer => new(this, _core.Version);

    /// <summary>A turn for <paramref name="commands"/>, from the pool when one is free.</summary>
    public static LocalTurn Rent(LocalTurns owner, ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies)
    {
        LocalTurn? turn;
        lock (PoolGate)
        {
            Pool.TryPop(out turn);
        }

        turn ??= new LocalTurn();
        turn.Owner = owner;
        turn.Commands = commands;
        turn.Replies = replies;
        return turn;
    }

    /// <summary>Answers the batch (false: not applied); exactly once per rent.</summary>
    public void Complete(bool applied) => _core.SetResult(applied);

    /// <summary>Fails the lane's await; exactly once per rent, instead of <see cref="Complete"/>.</summary>
    public void Fail(Exception e) => _core.SetException(e);

    bool IValueTaskSource<bool>.GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            // The lane has its answer: nothing refers to this turn any more.
            Owner = null!;
            Commands = default;
            Replies = default;
            _core.Reset();
            lock (PoolGate)
            {
                if (Pool.Count < PoolCapacity)
                {
                    Pool.Push(this);
                }
            }
        }
    }

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}

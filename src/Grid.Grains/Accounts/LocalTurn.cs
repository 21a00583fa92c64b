using System.Threading.Tasks.Sources;
using Grid.Abstractions;
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
    private static readonly BoundedPool<LocalTurn> Pool = new(1024);

    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };

    // Made once per pooled turn: a batch that waits for its write, or for what follows it, registers them.
    private readonly Action _durable;
    private readonly Action _applied;
    private AccountGrain? _grain;
    private AppliedBatch _batch;
    private ValueTask _pending;

    private LocalTurn()
    {
        _durable = Durable;
        _applied = Applied;
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
        var turn = Pool.TryRent() ?? new LocalTurn();
        turn.Owner = owner;
        turn.Commands = commands;
        turn.Replies = replies;
        return turn;
    }

    /// <summary>Answers the batch (false: not applied); exactly once per rent.</summary>
    public void Complete(bool applied) => _core.SetResult(applied);

    /// <summary>Fails the lane's await; exactly once per rent, instead of <see cref="Complete"/>.</summary>
    public void Fail(Exception e) => _core.SetException(e);

    /// <summary>Answers the batch from the grain's completed <paramref name="done"/>: applied, or its failure.</summary>
    public void AnswerCompleted(ValueTask done)
    {
        try
        {
            // Also gives back a pooled state machine behind it (a pooled ValueTask must be consumed exactly once).
            done.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Fail(e);
            return;
        }

        Complete(true);
    }

    /// <summary>
    /// Waits for the batch's write with this turn: once <see cref="AppliedBatch.Durable"/> completes, the apply's
    /// second half (<see cref="AccountGrain.EndLocal"/>) runs on the activation's scheduler (the awaiter captures
    /// the current one, the grain's) and the batch is answered there. An async method per batch did this before:
    /// its state machine, that machine's delegate, and another async layer in <see cref="LocalTurns"/> with a task
    /// to resume it on the grain's scheduler (≈ 350 B a message in Redis mode, docs/performance.md). Call in the
    /// grain's turn, with the write not completed; <see cref="LocalTurns.Finished"/> runs after the answer.
    /// </summary>
    public void ContinueWhenDurable(AccountGrain grain, AppliedBatch batch)
    {
        _grain = grain;
        _batch = batch;
        batch.Durable.GetAwaiter().UnsafeOnCompleted(_durable);
    }

    /// <summary>
    /// Answers the batch once the grain's <paramref name="pending"/> completes: what follows the change waits (a
    /// report, a venue). In the grain's turn, with <paramref name="pending"/> not completed; its completion runs
    /// <see cref="Applied"/> right there. <see cref="LocalTurns.Finished"/> runs after the answer.
    /// </summary>
    public void AnswerWhenApplied(ValueTask pending)
    {
        _pending = pending;
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_applied);
    }

    // On the activation's scheduler: the write completed. The answer is given exactly once, and the turn not touched
    // after it: the lane may already be reusing it.
    private void Durable()
    {
        var grain = _grain!;
        var batch = _batch;
        var owner = Owner;
        _grain = null;
        _batch = default;
        ValueTask rest;
        try
        {
            rest = grain.EndLocal(batch, Commands, Replies);
        }
        catch (Exception e)
        {
            Fail(e);
            owner.Finished();
            return;
        }

        if (!rest.IsCompleted)
        {
            AnswerWhenApplied(rest);
            return;
        }

        AnswerCompleted(rest);
        owner.Finished();
    }

    private void Applied()
    {
        var pending = _pending;
        var owner = Owner;
        _pending = default;
        AnswerCompleted(pending);
        owner.Finished();
    }

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
            Pool.Return(this);
        }
    }

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}

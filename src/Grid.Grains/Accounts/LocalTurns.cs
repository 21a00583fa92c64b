using Grid.Abstractions;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;

namespace Grid.Grains.Accounts;

/// <summary>
/// An account activation's entry in <see cref="LocalAccounts"/>: runs the gateway's batches on the
/// activation's own scheduler (<see cref="IGrainContext.Scheduler"/>), one work item per batch, so a batch is
/// a turn of the grain like a reentrant Execute call: serialized with its other turns, its awaits resuming on
/// the grain's scheduler (Redis writes complete before the replies). What it saves is Orleans' messaging for
/// a call that never leaves the silo (messages, invoker, response, correlation, directory lookup).
/// Closing happens on the grain's scheduler (OnDeactivateAsync) and waits for the batches already running;
/// a batch queued before the close and run after it finds the entry closed and answers null, so the gateway
/// makes the grain call, which Orleans routes to the next activation. The work-item group of an activation
/// runs whatever is queued on it, even after deactivation, so no batch is dropped unanswered.
/// </summary>
internal sealed class LocalTurns : ILocalAccount
{
    private static readonly Action<object> RunTurn = static state => ((LocalTurn)state).Owner.Run((LocalTurn)state);
    private static readonly KeyValuePair<string, object?> FromLocalGateway = new("from", "gateway-local");

    private readonly AccountGrain _grain;
    private readonly IWorkItemScheduler _scheduler;
    private readonly LocalAccounts _table;
    private readonly string _accountId;

    // Written on the grain's scheduler (or by the deactivation's completion, the activation being gone), read by any thread.
    private volatile bool _closed;

    // Batches started and not yet answered, and the close waiting for them. Counted with interlocked operations:
    // a batch is answered inside the grain's turn that ends its apply (LocalTurn.AnswerWhenApplied), and nothing
    // here needs to know which thread that turn runs on.
    private int _running;
    private TaskCompletionSource? _drained;

    public LocalTurns(AccountGrain grain, IGrainContext context, LocalAccounts table, string accountId)
    {
        _grain = grain;
        _scheduler = context.Scheduler;
        _table = table;
        _accountId = accountId;
        table.Open(accountId, this);

        // An activation abandoned by the runtime (stuck deactivating) never reaches OnDeactivateAsync.
        context.Deactivated.ContinueWith(static (_, state) => ((LocalTurns)state!).Withdraw(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <inheritdoc />
    public ValueTask<bool> Execute(ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies)
    {
        if (_closed)
        {
            return new(false);
        }

        var turn = LocalTurn.Rent(this, commands, replies);
        var answer = turn.Answer;
        _scheduler.QueueAction(RunTurn, turn);
        return answer;
    }

    /// <summary>
    /// Stops taking batches and completes once the batches already started are answered (called in the grain's
    /// turn, before the activation unregisters, so no other activation can apply a change meanwhile).
    /// </summary>
    public Task Close()
    {
        Withdraw();
        if (Volatile.Read(ref _running) == 0)
        {
            return Task.CompletedTask;
        }

        // Published with a full fence, then the count read again: either this read sees the last batch finished, or
        // that batch's Finished (a full fence too) sees the completion to set.
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        drained = Interlocked.CompareExchange(ref _drained, drained, null) ?? drained;
        if (Volatile.Read(ref _running) == 0)
        {
            drained.TrySetResult();
        }

        return drained.Task;
    }

    /// <summary>A started batch was answered (<see cref="LocalTurn"/>); the close waits for the last one.</summary>
    internal void Finished()
    {
        if (Interlocked.Decrement(ref _running) == 0 && _closed)
        {
            Volatile.Read(ref _drained)?.TrySetResult();
        }
    }

    private void Withdraw()
    {
        _closed = true;
        _table.Close(_accountId, this);
    }

    // On the grain's scheduler: the turn itself.
    private void Run(LocalTurn turn)
    {
        if (_closed)
        {
            turn.Complete(false);
            return;
        }

        // Whatever throws here still answers the turn: the lane must never wait for a batch nobody completes.
        AppliedBatch batch;
        bool applying;
        try
        {
            _table.CountTaken();
            GridMetrics.PreTradeCommands.Add(turn.Commands.Length, FromLocalGateway);
            applying = _grain.BeginLocal(turn.Commands, turn.Replies, out batch);
        }
        catch (Exception e)
        {
            turn.Fail(e);
            return;
        }

        if (!applying)
        {
            // Answered at once (the account failed its write before, or is unknown): the replies say why.
            turn.Complete(true);
            return;
        }

        if (!batch.Durable.IsCompleted)
        {
            // Waits for storage (Redis mode): the turn itself resumes on this activation's scheduler once the write
            // completes, and is answered there (no async method a batch: docs/performance.md, Redis mode's host side).
            Interlocked.Increment(ref _running);
            turn.ContinueWhenDurable(_grain, batch);
            return;
        }

        // The in-memory store: durable at once, the batch is one synchronous turn unless what follows the change waits.
        ValueTask rest;
        try
        {
            rest = _grain.EndLocal(batch, turn.Commands, turn.Replies);
        }
        catch (Exception e)
        {
            turn.Fail(e);
            return;
        }

        if (rest.IsCompleted)
        {
            turn.AnswerCompleted(rest);
            return;
        }

        // What follows the change awaits (a report, a venue): answered when it completes. Its awaits resume on this
        // activation's scheduler, which this work item holds, so it cannot complete before the registration.
        Interlocked.Increment(ref _running);
        turn.AnswerWhenApplied(rest);
    }
}

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

    // The grain's scheduler only: batches started and not yet answered, and the close waiting for them.
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
        if (_running == 0)
        {
            return Task.CompletedTask;
        }

        _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _drained.Task;
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
        ValueTask pending;
        try
        {
            _table.CountTaken();
            GridMetrics.PreTradeCommands.Add(turn.Commands.Length, FromLocalGateway);
            pending = _grain.ExecuteLocal(turn.Commands, turn.Replies);
        }
        catch (Exception e)
        {
            turn.Fail(e);
            return;
        }

        if (pending.IsCompletedSuccessfully)
        {
            // The in-memory store: the whole batch was one synchronous turn.
            pending.GetAwaiter().GetResult();
            turn.Complete(true);
            return;
        }

        _running++;
        _ = Complete(pending, turn);
    }

    // Resumes on the grain's scheduler (the turn's TaskScheduler.Current), like the rest of the grain's awaits.
    // The turn is answered exactly once, and not touched after: the lane may already be reusing it.
    private async Task Complete(ValueTask pending, LocalTurn turn)
    {
        Exception? failure = null;
        try
        {
            await pending;
        }
        catch (Exception e)
        {
            failure = e;
        }

        if (failure is null)
        {
            turn.Complete(true);
        }
        else
        {
            turn.Fail(failure);
        }

        if (--_running == 0 && _closed)
        {
            _drained?.TrySetResult();
        }
    }
}

using System.Threading.Tasks.Sources;
using Grid.Abstractions;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// One batch on the executor's local path (<see cref="AccountExecutor"/>): waits for the activation's answer and,
/// when it declines, for the grain call that replaces it, then answers the lane. Reused: an execution goes back to
/// a small silo-wide pool once the lane has taken its result. It replaces an async method on the runtime's pooling
/// builder, whose pool keeps one state machine a thread and a core: enough while turns are synchronous (in
/// memory), but in Redis mode hundreds of batches wait for their writes at once and nearly every batch allocated
/// its state machine (≈ 130 B a message, docs/performance.md).
/// </summary>
internal sealed class LocalExecution : IValueTaskSource
{
    // Enough for every batch in flight on a busy silo (one per account lane); beyond it executions are simply collected.
    private static readonly BoundedPool<LocalExecution> Pool = new(1024);

    // Completed from the turn's answer (a pool thread) or the grain call's: the lane goes on there, as after an await.
    private ManualResetValueTaskSourceCore<bool> _core;
    private readonly Action _answered;
    private readonly Action _called;
    private AccountExecutor _executor = null!;
    private string _accountId = "";
    private ReadOnlyMemory<EngineCommand> _batch;
    private Memory<EngineReply> _replies;
    private ValueTask<bool> _answer;
    private ValueTask _call;

    private LocalExecution()
    {
        _answered = Answered;
        _called = Called;
    }

    /// <summary>Hands the batch to <paramref name="account"/>; what the lane awaits, exactly once.</summary>
    public static ValueTask Start(AccountExecutor executor, ILocalAccount account, string accountId, ReadOnlyMemory<EngineCommand> batch, Memory<EngineReply> replies)
    {
        var answer = account.Execute(batch, replies);
        var execution = Pool.TryRent() ?? new LocalExecution();
        execution._executor = executor;
        execution._accountId = accountId;
        execution._batch = batch;
        execution._replies = replies;
        execution._answer = answer;
        var version = execution._core.Version;
        if (answer.IsCompleted)
        {
            // Declined at once (the activation is closing): no continuation to wait for.
            execution.Answered();
        }
        else
        {
            answer.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(execution._answered);
        }

        return new ValueTask(execution, version);
    }

    void IValueTaskSource.GetResult(short token)
    {
        try
        {
            _core.GetResult(token);
        }
        finally
        {
            // The lane has its answer: nothing refers to this execution any more.
            _executor = null!;
            _accountId = "";
            _batch = default;
            _replies = default;
            _core.Reset();
            Pool.Return(this);
        }
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    // The activation answered: applied, or declined (not applied: the grain call, which Orleans routes to the next activation).
    private void Answered()
    {
        var answer = _answer;
        _answer = default;
        bool applied;
        try
        {
            applied = answer.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            _core.SetException(e);
            return;
        }

        if (applied)
        {
            _core.SetResult(true);
            return;
        }

        _executor.CountFellBack();
        ValueTask call;
        try
        {
            call = _executor.Call(_accountId, _batch, _replies);
        }
        catch (Exception e)
        {
            _core.SetException(e);
            return;
        }

        _call = call;
        if (call.IsCompleted)
        {
            Called();
        }
        else
        {
            call.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_called);
        }
    }

    private void Called()
    {
        var call = _call;
        _call = default;
        try
        {
            call.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            _core.SetException(e);
            return;
        }

        _core.SetResult(true);
    }
}

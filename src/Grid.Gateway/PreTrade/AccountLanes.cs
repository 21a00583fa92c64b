using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Microsoft.Extensions.Logging;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// Per-account ordering and per-stream flow control of PreTrade.Stream. Each account with queued
/// commands has one lane; a lane drains its queue in batches of up to <c>maxBatch</c> commands with
/// one executor call per batch (its commands and replies in the lane's own reused buffers, <see cref="ApplyBatch"/>), so an account's commands apply in arrival order while different
/// accounts run concurrently. A window of <c>maxInFlight</c> slots bounds the commands accepted but
/// not yet answered: <see cref="TryEnqueue"/> refuses a command that does not fit at once (the stream
/// answers it OVERLOADED, pretrade.proto) and never blocks the reader. A failed executor call answers
/// every command of its batch with UNAVAILABLE, as it does a command left without a reply; nothing thrown here
/// reaches the reader.
/// </summary>
internal sealed class AccountLanes
{
    private readonly ApplyBatch _execute;
    private readonly Func<string, EngineCommand, EngineReply, ValueTask> _deliver;
    private readonly int _maxBatch;
    private readonly int _maxInFlight;
    private readonly ILogger _logger;
    private int _inFlight;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AccountLane> _lanes = new(StringComparer.Ordinal);
    private readonly Stack<AccountLane> _idle = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _completing;

    /// <param name="maxInFlight">Commands accepted and not yet answered before <see cref="TryEnqueue"/> refuses.</param>
    /// <param name="maxBatch">Most commands per executor call.</param>
    /// <param name="execute">Applies one batch of one account and answers each command, in order.</param>
    /// <param name="deliver">Takes one reply; its slot is released when it returns.</param>
    /// <param name="logger">Logs failed batches, never accepted commands.</param>
    public AccountLanes(
        int maxInFlight,
        int maxBatch,
        ApplyBatch execute,
        Func<string, EngineCommand, EngineReply, ValueTask> deliver,
        ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _maxInFlight = maxInFlight;
        _maxBatch = maxBatch;
        _execute = execute;
        _deliver = deliver;
        _logger = logger;
    }

    /// <summary>The window: most commands accepted and not yet answered.</summary>
    public int MaxInFlight => _maxInFlight;

    /// <summary>Commands accepted and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Lanes parked on the idle stack, their loops waiting to be woken (for the tests).</summary>
    internal int Parked
    {
        get
        {
            lock (_gate)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="command"/> behind the earlier commands of <paramref name="accountId"/> when the
    /// window has a free slot, and returns at once: false (nothing queued) when the window is full.
    /// </summary>
    /// <exception cref="InvalidOperationException">The lanes are completing.</exception>
    public bool TryEnqueue(string accountId, EngineCommand command)
    {
        if (Interlocked.Increment(ref _inFlight) > _maxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            return false;
        }

        AccountLane? started = null;
        lock (_gate)
        {
            if (_completing)
            {
                Interlocked.Decrement(ref _inFlight);
                throw new InvalidOperationException("the lanes are completing and accept no more commands");
            }

            if (!_lanes.TryGetValue(accountId, out var lane))
            {
                // A lane is in the map only while it has work; its loop parks it on the idle stack when the queue runs dry.
                lane = _idle.Count > 0 ? _idle.Pop() : new AccountLane(this);
                lane.AccountId = accountId;
                _lanes.Add(accountId, lane);
                started = lane;
            }

            lane.Queue.Enqueue(command);
        }

        if (started is not null)
        {
            // The lane is its own work item (it starts or wakes the lane's loop): no closure, no task, no wrapper.
            // Nothing on this path reads the reader's execution context (no AsyncLocal, no activity), so it is not flowed.
            ThreadPool.UnsafeQueueUserWorkItem(started, preferLocal: false);
        }

        return true;
    }

    /// <summary>Accepts no more commands and completes when every queued command has been answered.</summary>
    public Task Complete()
    {
        AccountLane[] parked;
        lock (_gate)
        {
            _completing = true;
            if (_lanes.Count == 0)
            {
                _drained.TrySetResult();
            }

            // No lane is taken off the idle stack any more: their loops end (TryEnqueue refuses from now on).
            parked = _idle.ToArray();
            _idle.Clear();
        }

        foreach (var lane in parked)
        {
            lane.Retire();
        }

        return _drained.Task;
    }

    /// <summary>
    /// The lane's loop, for as long as the lane lives: applies its commands batch by batch until its queue runs
    /// dry, then parks the lane on the idle stack and waits until <see cref="TryEnqueue"/> hands it another
    /// account (the lane's work item wakes it). One state machine per lane, not one per lane start. Ends when the
    /// idle stack is full or the lanes are completing.
    /// </summary>
    internal async Task Drain(AccountLane lane)
    {
        var queue = lane.Queue;
        while (true)
        {
            string accountId;
            int count;
            var parked = false;
            lock (_gate)
            {
                accountId = lane.AccountId;
                if (queue.Count == 0)
                {
                    _lanes.Remove(accountId);
                    lane.AccountId = "";
                    lane.Park();
                    if (_completing && _lanes.Count == 0)
                    {
                        _drained.TrySetResult();
                    }

                    if (_completing || _idle.Count >= _maxInFlight)
                    {
                        return;
                    }

                    // Armed under the lock before the lane can be found again (AccountLane.Arm): no wake-up is lost.
                    lane.Arm();
                    _idle.Push(lane);
                    parked = true;
                    count = 0;
                }
                else
                {
                    count = Math.Min(queue.Count, _maxBatch);
                    lane.Reserve(count, _maxBatch);
                    for (var i = 0; i < count; i++)
                    {
                        lane.Commands[i] = queue.Dequeue();
                    }
                }
            }

            if (parked)
            {
                // No scheduling context is captured, so the loop never goes on on a scheduler it happened to park on: if
                // it is waiting when the wake-up runs (the lane's work item on the pool, or the completing stream, which
                // only ends it), it goes on there; if the wake-up came first, the await returns at once, here.
                if (!await lane.Woken.ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            // The lane's buffers, read through the lane (a parked loop holds none the lane dropped): the executor copies
            // whatever may outlive its call (ApplyBatch), so they are this loop's again once the await returns, whatever
            // happened to the call. Its ValueTask is awaited here, in the loop's own state machine: no wrapper, no Task.
            try
            {
                await _execute(accountId, lane.Commands.AsMemory(0, count), lane.Replies.AsMemory(0, count));
                if (Unanswered(lane.Replies, count) is var missing and > 0)
                {
                    GatewayLog.ReplyCountMismatch(_logger, accountId, count, count - missing);
                    Unavailable(lane.Commands, lane.Replies, count, "the account answered the batch incompletely; the outcome is unknown, retry with the same ids");
                }
            }
            catch (Exception e)
            {
                GatewayLog.BatchFailed(_logger, accountId, count, e);
                Unavailable(lane.Commands, lane.Replies, count, "the account is unavailable; retry with the same ids");
            }

            for (var i = 0; i < count; i++)
            {
                try
                {
                    await _deliver(accountId, lane.Commands[i], lane.Replies[i]);
                }
                catch (Exception e)
                {
                    GatewayLog.ReplyDropped(_logger, e);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }

            // Every slot is written before it is read next time; cleared anyway, so a reply the executor fails to
            // write is seen as missing instead of showing the previous batch's.
            Array.Clear(lane.Replies, 0, count);
            Array.Clear(lane.Commands, 0, count);
        }
    }

    private static int Unanswered(EngineReply[] replies, int count)
    {
        var missing = 0;
        for (var i = 0; i < count; i++)
        {
            if (replies[i].Kind == 0)
            {
                missing++;
            }
        }

        return missing;
    }

    // The whole batch: once one reply is missing, the replies beside it cannot be trusted to be the account's.
    private static void Unavailable(EngineCommand[] commands, EngineReply[] replies, int count, string message)
    {
        for (var i = 0; i < count; i++)
        {
            replies[i] = EngineReply.Fail(commands[i], ErrorCode.Unavailable, message);
        }
    }
}

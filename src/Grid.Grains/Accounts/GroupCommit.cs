namespace Grid.Grains.Accounts;

/// <summary>
/// Group commit for a reentrant grain: changes made while a write is in flight ride together in the
/// next single write, and every caller is answered only once a write that includes its change has
/// completed. A failed write fails every waiter of that write and of every later one (the in-memory
/// state is then ahead of storage and must be reloaded).
/// </summary>
/// <param name="write">Writes the whole state.</param>
/// <param name="retryAfterFailure">
/// For state rebuilt from reports (the registry): a failed write fails only its own waiters, and the
/// next request writes again.
/// </param>
internal sealed class GroupCommit(Func<Task> write, bool retryAfterFailure = false)
{
    private TaskCompletionSource? _next;
    private Task? _inFlight;
    private Exception? _failure;

    /// <summary>Number of writes performed.</summary>
    public long Writes { get; private set; }

    /// <summary>True once a write failed; nothing is durable beyond the last good write.</summary>
    public bool Failed => _failure is not null;

    /// <summary>Waits until the changes made so far are durable.</summary>
    public Task Durable()
    {
        if (_failure is not null)
        {
            return Task.FromException(_failure);
        }

        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = _next.Task;
        if (_inFlight is null)
        {
            // A write that completes synchronously has already run Drain's finally: forget it, or no
            // later change would ever be written.
            var drain = Drain();
            _inFlight = drain.IsCompleted ? null : drain;
        }

        return mine;
    }

    /// <summary>Waits for writes already requested (a read-only reply must not overtake an earlier change).</summary>
    public Task Settled() => _failure is not null ? Task.FromException(_failure) : _next?.Task ?? _inFlight ?? Task.CompletedTask;

    private async Task Drain()
    {
        try
        {
            while (_next is { } batch)
            {
                _next = null;
                try
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    await write();
                    Abstractions.GridMetrics.StorageWrite.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
                    Writes++;
                    batch.SetResult();
                }
                catch (Exception e) when (retryAfterFailure)
                {
                    batch.SetException(e);
                }
                catch (Exception e)
                {
                    _failure = e;
                    batch.SetException(e);
                    _next?.SetException(e);
                    _next = null;
                    return;
                }
            }
        }
        finally
        {
            _inFlight = null;
        }
    }
}

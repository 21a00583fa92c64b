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

        if (_inFlight is null)
        {
            // No write in flight: this caller's change goes out now, and the caller waits on that write
            // itself. A store that completes synchronously (the in-memory one) answers with a completed
            // task: no waiter, no continuation, and the grain's turn stays synchronous.
            var first = WriteOnce();
            if (!first.IsCompleted)
            {
                // Changes made meanwhile wait in _next; they go out once this write is done.
                var rest = DrainAfter(first);
                _inFlight = rest.IsCompleted ? null : rest;
            }

            return first;
        }

        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _next.Task;
    }

    /// <summary>Waits for writes already requested (a read-only reply must not overtake an earlier change).</summary>
    public Task Settled() => _failure is not null ? Task.FromException(_failure) : _next?.Task ?? _inFlight ?? Task.CompletedTask;

    private async Task WriteOnce()
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await write();
            Abstractions.GridMetrics.StorageWrite.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            Writes++;
        }
        catch (Exception e) when (!retryAfterFailure)
        {
            // Sticks: the in-memory state is ahead of storage from now on.
            _failure = e;
            throw;
        }
    }

    private async Task DrainAfter(Task first)
    {
        try
        {
            await first.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            while (_next is { } batch)
            {
                _next = null;
                if (_failure is not null)
                {
                    batch.SetException(_failure);
                    return;
                }

                try
                {
                    await WriteOnce();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            _inFlight = null;
        }
    }
}

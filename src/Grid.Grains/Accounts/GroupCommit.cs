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
    // The last write started, until its outcome is taken into account (Account) or the drain loop owns it.
    private Task? _last;
    private TaskCompletionSource? _next;
    private Task? _draining;
    private Exception? _failure;
    private long _writes;

    /// <summary>Number of writes performed.</summary>
    public long Writes
    {
        get
        {
            Account();
            return _writes;
        }
    }

    /// <summary>True once a write failed; nothing is durable beyond the last good write.</summary>
    public bool Failed
    {
        get
        {
            Account();
            return _failure is not null;
        }
    }

    /// <summary>Waits until the changes made so far are durable.</summary>
    public Task Durable()
    {
        Account();
        if (_failure is not null)
        {
            return Task.FromException(_failure);
        }

        if (_last is null)
        {
            // No write in flight: this caller's change goes out now, and the caller waits on the store's own
            // task. Nothing else waits on it: its outcome is taken into account when the commit is next used
            // (Account), and a loop to write the changes made meanwhile starts only when there are some. A
            // lone write thus costs the grain one continuation (the caller's), not one per async layer and
            // one more for the bookkeeping (each a state machine, a continuation, a task and a turn of the
            // grain's scheduler per write; docs/performance.md, issue 15). A store that completes
            // synchronously (the in-memory one) answers with a completed task: the turn stays synchronous.
            var first = Start();
            if (first.IsCompleted)
            {
                Completed(first);
            }
            else
            {
                _last = first;
            }

            return first;
        }

        if (_next is null)
        {
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            // Registered now, after the first caller's continuation: the failure of the write in flight is
            // seen by its own caller first, and sticks (Account) before any later write is started.
            _draining ??= DrainAfter(_last);
        }

        return _next.Task;
    }

    /// <summary>Waits for writes already requested (a read-only reply must not overtake an earlier change).</summary>
    public Task Settled()
    {
        Account();
        return _failure is not null ? Task.FromException(_failure) : _next?.Task ?? _last ?? Task.CompletedTask;
    }

    private Task Start()
    {
        try
        {
            return write();
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    // Takes the outcome of a write that has completed into account: a lone write's in full; while the drain
    // loop owns the write (its continuation not yet run), only a failure, so that it sticks at once.
    private void Account()
    {
        if (_last is not { IsCompleted: true } done)
        {
            return;
        }

        if (_draining is null)
        {
            _last = null;
            Completed(done);
        }
        else if (!done.IsCompletedSuccessfully && !retryAfterFailure)
        {
            _failure ??= done.Exception?.InnerException ?? new OperationCanceledException("the write was cancelled");
        }
    }

    // Counts a finished write, or makes its failure stick (accounts).
    private void Completed(Task done)
    {
        if (done.IsCompletedSuccessfully)
        {
            _writes++;
        }
        else if (!retryAfterFailure)
        {
            // Sticks: the in-memory state is ahead of storage from now on.
            _failure = done.Exception?.InnerException ?? new OperationCanceledException("the write was cancelled");
        }
    }

    // Writes the changes made while a write was in flight, until none are left; owns _last meanwhile.
    private async Task DrainAfter(Task inFlight)
    {
        try
        {
            await inFlight.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            Completed(inFlight);
            while (_next is { } batch)
            {
                _next = null;
                if (_failure is not null)
                {
                    batch.SetException(_failure);
                    return;
                }

                var write = Start();
                _last = write;
                await write.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                Completed(write);
                if (write.IsCompletedSuccessfully)
                {
                    batch.SetResult();
                }
                else
                {
                    batch.SetException(write.Exception?.InnerException ?? new OperationCanceledException("the write was cancelled"));
                }
            }
        }
        finally
        {
            _last = null;
            _draining = null;
        }
    }
}

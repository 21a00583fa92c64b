namespace Grid.Gateway.PreTrade;

/// <summary>
/// Counts the open matching-engine streams so a stopping silo can wait for them to drain (stop
/// reading, answer what was read, end with UNAVAILABLE) before its grains go away.
/// </summary>
public sealed class OpenEngineStreams
{
    private readonly Lock _gate = new();
    private int _open;
    private TaskCompletionSource _drained = Completed();

    /// <summary>Streams open now.</summary>
    public int Open
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>Completes when no stream is open, or after <paramref name="timeout"/>.</summary>
    public async Task WaitDrained(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task drained;
        lock (_gate)
        {
            drained = _drained.Task;
        }

        await drained.WaitAsync(timeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    internal void Opened()
    {
        lock (_gate)
        {
            if (_open++ == 0)
            {
                _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    internal void Closed()
    {
        lock (_gate)
        {
            if (--_open == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}

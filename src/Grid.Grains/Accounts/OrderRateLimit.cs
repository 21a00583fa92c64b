namespace Grid.Grains.Accounts;

/// <summary>
/// A token bucket of one second's worth of orders, refilled continuously. Lives with the activation
/// (a limit on load, not on margin), so a restarted account starts with a full bucket.
/// </summary>
internal sealed class OrderRateLimit(int perSecond, TimeProvider clock)
{
    private readonly double _capacity = perSecond;
    private double _tokens = perSecond;
    private long _refilledAt = clock.GetTimestamp();

    /// <summary>Takes one token; false (and how long until one is due) when the bucket is empty.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (perSecond <= 0)
        {
            return true;
        }

        var now = clock.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + clock.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond);
        _refilledAt = now;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return true;
        }

        // Rounded up to a whole millisecond: a token a few ticks away must not read as "retry after 0".
        var ticks = (long)Math.Ceiling((1 - _tokens) / perSecond * TimeSpan.TicksPerSecond);
        retryAfter = TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling((double)ticks / TimeSpan.TicksPerMillisecond)));
        return false;
    }
}

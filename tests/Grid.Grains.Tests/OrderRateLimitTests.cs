using Grid.Grains.Accounts;

namespace Grid.Grains.Tests;

/// <summary>The per-account token bucket: a second's worth of orders, refilled continuously, and an honest retry-after.</summary>
public sealed class OrderRateLimitTests
{
    [Fact]
    public void AFullBucket_PassesItsCapacity_ThenRefusesWithTheTimeToTheNextToken()
    {
        var clock = new SteppedClock();
        var limit = new OrderRateLimit(4, clock);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(limit.TryTake(out _));
        }

        Assert.False(limit.TryTake(out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(250), retryAfter);

        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(limit.TryTake(out _));
    }

    [Fact]
    public void ATokenTicksAway_IsNeverReportedAsRetryAfterZero()
    {
        var clock = new SteppedClock();
        var limit = new OrderRateLimit(1000, clock);
        while (limit.TryTake(out _))
        {
        }

        clock.Advance(TimeSpan.FromTicks(9_999));
        Assert.False(limit.TryTake(out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(1), retryAfter);
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}

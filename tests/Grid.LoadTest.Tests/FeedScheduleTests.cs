using System.Diagnostics;
using Grid.LoadTest.Market;

namespace Grid.LoadTest.Tests;

/// <summary>The feed's fixed schedule: evenly spaced batches, cycling through the underlyings.</summary>
public sealed class FeedScheduleTests
{
    [Fact]
    public void Batches_AreDueOneIntervalApart_FromTheStart()
    {
        var schedule = new FeedSchedule(50, 2);
        const long start = 1_000;

        Assert.Equal(start, schedule.PlannedAt(start, 0));
        Assert.Equal(start + Stopwatch.Frequency / 50, schedule.PlannedAt(start, 1), 1.0);
        Assert.Equal(start + Stopwatch.Frequency, schedule.PlannedAt(start, 50), 1.0);
    }

    [Fact]
    public void RatesBelowOnePerSecond_StillSpaceTheBatches()
    {
        var schedule = new FeedSchedule(0.5, 1);

        Assert.Equal(2 * Stopwatch.Frequency, schedule.PlannedAt(0, 1), 1.0);
    }

    [Fact]
    public void LongRuns_DoNotDrift()
    {
        var schedule = new FeedSchedule(3, 1);

        // An hour at 3 batches/s: batch 10,800 is due exactly an hour after the start.
        Assert.Equal(3_600 * Stopwatch.Frequency, schedule.PlannedAt(0, 10_800), 1.0);
    }

    [Fact]
    public void Underlyings_MoveInTurn()
    {
        var schedule = new FeedSchedule(10, 3);

        Assert.Equal([0, 1, 2, 0, 1, 2, 0], Enumerable.Range(0, 7).Select(n => schedule.Underlying(n)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void BadRate_IsRefused(double rate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedSchedule(rate, 1));

        Assert.Equal("rate", e.ParamName);
    }

    [Fact]
    public void NoUnderlying_IsRefused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FeedSchedule(10, 0));
}

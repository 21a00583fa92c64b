using System.Diagnostics;
using Grid.LoadTest.Chaos;

namespace Grid.LoadTest.Tests;

/// <summary>Time to the first accepted check after the fault, per account, and its p50 and max.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public void Summary_TakesTheNearestRankMedian_AndTheSlowestAccount()
    {
        var summary = RecoverySummary.Of(new Dictionary<string, double?> { ["a"] = 0.2, ["b"] = 1.9, ["c"] = 0.05, ["d"] = 0.4 });

        Assert.Equal(0.2, summary.P50);
        Assert.Equal(1.9, summary.Max);
        Assert.Equal("b", summary.Slowest);
        Assert.Equal((4, 0), (summary.Accounts, summary.Never));
    }

    [Fact]
    public void AnAccountThatNeverRecovered_LeavesNoMax_AndIsNamed()
    {
        var summary = RecoverySummary.Of(new Dictionary<string, double?> { ["a"] = 0.1, ["stuck"] = null, ["c"] = 0.3 });

        Assert.Null(summary.Max);
        Assert.Equal(1, summary.Never);
        Assert.Equal("stuck", summary.Slowest);
        Assert.Equal(0.1, summary.P50);
    }

    [Fact]
    public void NoAccountRecovered_HasNeitherP50NorMax()
    {
        var summary = RecoverySummary.Of(new Dictionary<string, double?> { ["a"] = null });

        Assert.Equal((null, null, 1), (summary.P50, summary.Max, summary.Never));
    }

    [Fact]
    public void Clock_CountsOnlyTheFirstAcceptAfterTheFault()
    {
        var clock = new RecoveryClock(["a", "b", "c"]);
        var fault = Stopwatch.GetTimestamp();
        var second = Stopwatch.Frequency;
        clock.Accepted("a", fault - second);
        clock.Fault(fault);
        clock.Accepted("a", fault + (2 * second));
        clock.Accepted("a", fault + (3 * second));
        clock.Accepted("b", fault + (second / 2));

        var seconds = clock.Seconds();

        Assert.Equal(2.0, seconds["a"]!.Value, 6);
        Assert.Equal(0.5, seconds["b"]!.Value, 6);
        Assert.Null(seconds["c"]);
    }

    [Fact]
    public void BeforeTheFault_NothingCounts()
    {
        var clock = new RecoveryClock(["a"]);
        clock.Accepted("a", Stopwatch.GetTimestamp());

        Assert.Null(clock.Seconds()["a"]);
    }

    [Fact]
    public void Stages_SplitTheWayBack_IntoTheLastUnavailable_TheAcceptedSend_AndTheAcceptance()
    {
        var clock = new RecoveryClock(["a", "b"]);
        var fault = Stopwatch.GetTimestamp();
        var second = Stopwatch.Frequency;
        clock.Unavailable("a", fault - second);
        clock.Fault(fault);
        clock.Unavailable("a", fault + (second / 2));
        clock.Unavailable("a", fault + second);
        clock.Accepted("a", fault + (2 * second), sent: fault + (second * 3 / 2));
        clock.Unavailable("a", fault + (3 * second));

        var stages = clock.Stages();

        Assert.Equal(new AccountRecovery(1.0, 1.5, 2.0), stages["a"]);
        Assert.Equal(new AccountRecovery(null, null, null), stages["b"]);
    }
}

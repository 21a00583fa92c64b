using System.Diagnostics;
using Grid.Abstractions;
using Grid.Console.Live;

namespace Grid.Console.Tests.Unit;

public sealed class CheckActivityTests
{
    [Fact]
    public void Rates_AverageTheLastCompleteSeconds()
    {
        var clock = new ManualClock();
        var activity = new CheckActivity(clock);
        Record(activity, accepts: 7, rejects: 3, "insufficient_margin");
        clock.Advance(TimeSpan.FromSeconds(1));

        var view = activity.Snapshot();

        Assert.Equal(10.0 / CheckActivity.RateSeconds, view.ChecksPerSecond);
        Assert.Equal(3.0 / CheckActivity.RateSeconds, view.RejectsPerSecond);
        Assert.Equal((10L, 3L), (view.ChecksTotal, view.RejectsTotal));
        Assert.Equal(CheckActivity.WindowSeconds, view.Series.Count);
        Assert.Equal(10, view.Series[^1]);
        var reason = Assert.Single(view.Reasons);
        Assert.Equal(("insufficient_margin", "Insufficient margin", 3L), (reason.Code, reason.Label, reason.Count));
    }

    [Fact]
    public void TheSecondStillCounting_IsNotInTheRatesYet()
    {
        var clock = new ManualClock();
        var activity = new CheckActivity(clock);
        Record(activity, accepts: 5, rejects: 0, "none");

        var view = activity.Snapshot();

        Assert.Equal(0.0, view.ChecksPerSecond);
        Assert.All(view.Series, n => Assert.Equal(0, n));
        Assert.Equal(5, view.ChecksTotal);
    }

    [Fact]
    public void SecondsOlderThanTheWindow_LeaveIt_AndReusedSlotsStartAgain()
    {
        var clock = new ManualClock();
        var activity = new CheckActivity(clock);
        Record(activity, accepts: 4, rejects: 2, "reduce_only");
        clock.Advance(TimeSpan.FromSeconds(CheckActivity.WindowSeconds + 1));
        Assert.Empty(activity.Snapshot().Reasons);

        // A full turn of the ring later, the same slot counts a new second from zero.
        clock.Advance(TimeSpan.FromSeconds(3));
        Record(activity, accepts: 1, rejects: 0, "none");
        clock.Advance(TimeSpan.FromSeconds(1));
        var view = activity.Snapshot();

        Assert.Equal(1, view.Series[^1]);
        Assert.Equal(1, view.Series.Sum());
        Assert.Equal((7L, 2L), (view.ChecksTotal, view.RejectsTotal));
    }

    [Fact]
    public void ReasonTags_BecomeCodesAndLabels()
    {
        var clock = new ManualClock();
        var activity = new CheckActivity(clock);
        activity.Record("reject", "StalePrice");
        activity.Record("reject", null);
        activity.Record("accept_risk_reducing", "none");
        clock.Advance(TimeSpan.FromSeconds(1));

        var reasons = activity.Snapshot().Reasons;

        Assert.Equal([("other", "Other"), ("stale_price", "Stale price")], reasons.Select(r => (r.Code, r.Label)));
    }

    [Fact]
    public async Task ListensToTheGridMeter_FromStart()
    {
        var activity = new CheckActivity(TimeProvider.System);
        await activity.StartAsync(CancellationToken.None);
        try
        {
            var before = activity.Snapshot().ChecksTotal;
            GridMetrics.Checks.Add(2, new TagList { { "decision", "reject" }, { "reason", "insufficient_margin" } });
            GridMetrics.Checks.Add(1, new TagList { { "decision", "accept" }, { "reason", "none" } });

            var view = activity.Snapshot();
            Assert.Equal(before + 3, view.ChecksTotal);
            Assert.True(view.RejectsTotal >= 2);
        }
        finally
        {
            await activity.StopAsync(CancellationToken.None);
        }
    }

    private static void Record(CheckActivity activity, int accepts, int rejects, string reason)
    {
        activity.Record("accept", "none", accepts);
        activity.Record("reject", reason, rejects);
    }
}

using Grid.LoadTest.Measurement;
using Grid.LoadTest.Reporting;

namespace Grid.LoadTest.Tests;

/// <summary>Every stream's reader records on its own thread: no reply may go missing from the summary.</summary>
public sealed class LatencyRecordersTests
{
    [Fact]
    public void ConcurrentReaders_LoseNoReply_AndTheSlowestStayInTheSummary()
    {
        const int Threads = 4, PerThread = 250_000, SlowEvery = 100;
        var recorders = new LatencyRecorders();
        using var start = new Barrier(Threads);

        // Each reader records fast replies (3 ms) and every 100th a slow one (200 ms): 1 % slow in all, as after a pause.
        var readers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 1; i <= PerThread; i++)
            {
                recorders.Record(i % SlowEvery == 0 ? 200_000 : 3_000, 10, measured: true);
            }
        })).ToList();
        readers.ForEach(t => t.Start());
        readers.ForEach(t => t.Join());

        var summary = LatencySummary.Of(recorders.Measured.GetIntervalHistogram());
        var lag = LatencySummary.Of(recorders.SendLag.GetIntervalHistogram());
        Assert.Equal(Threads * PerThread, summary.Count);
        Assert.Equal(Threads * PerThread, lag.Count);
        Assert.InRange(summary.Max, 199_000, 201_000);
        Assert.InRange(summary.P999, 199_000, 201_000);
    }
}

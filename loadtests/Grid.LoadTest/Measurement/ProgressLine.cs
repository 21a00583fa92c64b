using System.Diagnostics;
using System.Globalization;
using Grid.LoadTest.Transport;
using HdrHistogram;

namespace Grid.LoadTest.Measurement;

/// <summary>
/// Prints one line per second while a phase runs: stage, messages sent and answered in the last
/// second, in flight, last-second latency percentiles (from the planned send time), rejects and faults.
/// </summary>
public sealed class ProgressLine(string phase, PhaseClock clock, IReadOnlyList<EngineSession> sessions, LatencyRecorders recorders, TextWriter output)
{
    /// <summary>Prints until <paramref name="cancellationToken"/> fires.</summary>
    public async Task Run(CancellationToken cancellationToken)
    {
        HistogramBase? recycled = null;
        long sent = 0, received = 0;
        var last = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = Stopwatch.GetTimestamp();
                var seconds = (double)(now - last) / Stopwatch.Frequency;
                last = now;
                long sentNow = 0, receivedNow = 0, inFlight = 0, rejects = 0, faults = 0;
                foreach (var s in sessions)
                {
                    sentNow += s.Tally.Sent;
                    receivedNow += s.Tally.Received;
                    inFlight += s.Pending.Outstanding;
                    rejects += s.Tally.Rejected;
                    faults += s.Tally.Errored + (s.Failed ? 1 : 0);
                }

                var interval = recorders.Interval.GetIntervalHistogram(recycled);
                recycled = interval;
                var stage = now < clock.MeasureFrom ? "warm-up" : now < clock.MeasureTo ? "measure" : "drain";
                var elapsed = (now - clock.Start) / Stopwatch.Frequency;
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{phase,-4} {stage,-7} {elapsed,3}s] sent {(sentNow - sent) / seconds,9:N0}/s  done {(receivedNow - received) / seconds,9:N0}/s  in-flight {inFlight,6:N0}  " +
                    $"p50 {Ms(interval, 50),7} p99 {Ms(interval, 99),7} max {Ms(interval, 100),7}  rejects {rejects:N0}  faults {faults:N0}"));
                sent = sentNow;
                received = receivedNow;
            }
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }
    }

    private static string Ms(HistogramBase h, double percentile)
        => h.TotalCount == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{(percentile >= 100 ? h.GetMaxValue() : h.GetValueAtPercentile(percentile)) / 1000.0:0.00}ms");
}

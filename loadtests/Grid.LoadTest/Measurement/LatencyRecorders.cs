using HdrHistogram;

namespace Grid.LoadTest.Measurement;

/// <summary>
/// The HDR recorders of one phase, in microseconds, safe for many writers: the measured latency
/// (reply time minus planned send time, so a late send counts: no coordinated omission), the send lag
/// (actual minus planned send time: how late the generator itself was), and every reply including
/// warm-up for the per-second progress line.
/// </summary>
public sealed class LatencyRecorders
{
    /// <summary>Largest value tracked: one hour; larger values are clamped.</summary>
    public const long HighestMicros = 3_600_000_000;

    /// <summary>Replies to messages planned in the measured window.</summary>
    public Recorder Measured { get; } = Create();

    /// <summary>Send lag of messages planned in the measured window.</summary>
    public Recorder SendLag { get; } = Create();

    /// <summary>Every reply, read and reset each second by the progress line.</summary>
    public Recorder Interval { get; } = Create();

    /// <summary>Records one reply.</summary>
    public void Record(long latencyMicros, long sendLagMicros, bool measured)
    {
        var latency = Math.Min(latencyMicros, HighestMicros);
        Interval.RecordValue(latency);
        if (measured)
        {
            Measured.RecordValue(latency);
            SendLag.RecordValue(Math.Min(sendLagMicros, HighestMicros));
        }
    }

    // Each stream's reader records on its own thread. A plain LongHistogram loses increments of its total
    // count under concurrent writers, and its iterators stop at that count: the summary then dropped the
    // slowest replies (a burst after a server pause, answered on all streams at once), up to 1.2 % of them.
    private static Recorder Create() => new(1, HighestMicros, 3, (id, low, high, digits) => new LongConcurrentHistogram(id, low, high, digits));
}

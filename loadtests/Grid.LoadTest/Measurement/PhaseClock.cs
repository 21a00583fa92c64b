using System.Diagnostics;

namespace Grid.LoadTest.Measurement;

/// <summary>
/// The timeline of one phase in Stopwatch ticks: warm-up from <see cref="Start"/>, then the measured
/// window [<see cref="MeasureFrom"/>, <see cref="MeasureTo"/>). A message belongs to the window by its
/// planned send time, so a reply that comes late still counts against the window it was due in.
/// Nothing is in the window before <see cref="Begin"/>.
/// </summary>
public sealed class PhaseClock(TimeSpan warmup, TimeSpan duration)
{
    /// <summary>First planned send; <see cref="long.MaxValue"/> until <see cref="Begin"/>.</summary>
    public long Start { get; private set; } = long.MaxValue / 2;

    /// <summary>Start of the measured window.</summary>
    public long MeasureFrom => Start + Ticks(warmup);

    /// <summary>End of the measured window; nothing is planned from here on.</summary>
    public long MeasureTo => MeasureFrom + Ticks(duration);

    /// <summary>Length of the measured window.</summary>
    public TimeSpan Duration => duration;

    /// <summary>Length of the warm-up.</summary>
    public TimeSpan Warmup => warmup;

    /// <summary>Starts the timeline now.</summary>
    public void Begin() => Start = Stopwatch.GetTimestamp();

    /// <summary>True when <paramref name="ticks"/> falls in the measured window.</summary>
    public bool InWindow(long ticks) => ticks >= MeasureFrom && ticks < MeasureTo;

    /// <summary>Stopwatch ticks of a time span.</summary>
    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Microseconds between two Stopwatch readings (never negative).</summary>
    public static long Micros(long from, long to) => Math.Max(0, (to - from) * 1_000_000 / Stopwatch.Frequency);

    /// <summary>Waits until <paramref name="ticks"/>.</summary>
    public static async Task Until(long ticks, CancellationToken cancellationToken)
    {
        var remaining = ticks - Stopwatch.GetTimestamp();
        if (remaining > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency), cancellationToken);
        }
    }
}

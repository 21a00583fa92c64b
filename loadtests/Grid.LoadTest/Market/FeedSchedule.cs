using System.Diagnostics;

namespace Grid.LoadTest.Market;

/// <summary>
/// When the feed sends and what: batch n is planned n/R seconds after the start (a fixed schedule, so a
/// sender that fell behind catches up instead of drifting to a lower rate) and moves underlying n mod U,
/// so each of the U underlyings moves R/U times a second.
/// </summary>
public sealed class FeedSchedule
{
    private readonly double _ticksPerBatch;

    /// <param name="rate">Batches per second (positive, finite).</param>
    /// <param name="underlyings">Underlyings the batches cycle through (at least one).</param>
    public FeedSchedule(double rate, int underlyings)
    {
        if (!(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "the feed's rate must be a positive number of batches per second");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(underlyings, 1);
        Rate = rate;
        Underlyings = underlyings;
        _ticksPerBatch = Stopwatch.Frequency / rate;
    }

    /// <summary>Batches per second.</summary>
    public double Rate { get; }

    /// <summary>Underlyings the batches cycle through.</summary>
    public int Underlyings { get; }

    /// <summary>Stopwatch timestamp at which batch <paramref name="n"/> is due, the schedule starting at <paramref name="start"/>.</summary>
    public long PlannedAt(long start, long n) => start + (long)(n * _ticksPerBatch);

    /// <summary>The underlying batch <paramref name="n"/> moves.</summary>
    public int Underlying(long n) => (int)(n % Underlyings);
}

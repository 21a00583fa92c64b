using HdrHistogram;

namespace Grid.LoadTest.Reporting;

/// <summary>Percentiles of an HDR histogram, in microseconds.</summary>
/// <param name="Count">Values recorded.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Mean">Arithmetic mean.</param>
public sealed record LatencySummary(long Count, long P50, long P90, long P99, long P999, long Max, double Mean)
{
    /// <summary>No values.</summary>
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Summarises <paramref name="histogram"/>.</summary>
    public static LatencySummary Of(HistogramBase histogram)
        => histogram.TotalCount == 0
            ? Empty
            : new LatencySummary(
                histogram.TotalCount,
                histogram.GetValueAtPercentile(50),
                histogram.GetValueAtPercentile(90),
                histogram.GetValueAtPercentile(99),
                histogram.GetValueAtPercentile(99.9),
                histogram.GetMaxValue(),
                Math.Round(histogram.GetMean(), 1));
}

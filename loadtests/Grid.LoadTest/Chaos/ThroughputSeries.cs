using System.Diagnostics;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// Final replies (decisions and acks, not UNAVAILABLE or OVERLOADED) counted in 10 ms buckets from the
/// start of the phase, so the rate can be cut into whole seconds aligned on the fault afterwards.
/// </summary>
public sealed class ThroughputSeries(long start, TimeSpan span)
{
    /// <summary>Bucket width in Stopwatch ticks.</summary>
    public static readonly long BucketTicks = Stopwatch.Frequency / 100;

    private readonly long[] _buckets = new long[(int)(span.TotalSeconds * 100) + 1];

    /// <summary>Counts one final reply received at <paramref name="ticks"/>.</summary>
    public void Record(long ticks)
    {
        var i = (ticks - start) / BucketTicks;
        if (ticks >= start && i < _buckets.Length)
        {
            Interlocked.Increment(ref _buckets[i]);
        }
    }

    /// <summary>Replies per second in the whole seconds [<paramref name="from"/>, <paramref name="to"/>) relative to <paramref name="fault"/>.</summary>
    public long[] AroundFault(long fault, int from, int to) => PerSecond(_buckets, (fault - start) / (double)BucketTicks, from, to);

    /// <summary>
    /// Sums 10 ms buckets into seconds relative to bucket position <paramref name="faultBucket"/> (fractional):
    /// second k holds the buckets that start in [fault + k s, fault + (k + 1) s).
    /// </summary>
    public static long[] PerSecond(IReadOnlyList<long> buckets, double faultBucket, int from, int to)
    {
        var seconds = new long[to - from];
        for (var i = 0; i < buckets.Count; i++)
        {
            var k = (int)Math.Floor((i - faultBucket) / 100.0);
            if (k >= from && k < to)
            {
                seconds[k - from] += buckets[i];
            }
        }

        return seconds;
    }

    /// <summary>Final replies received in [<paramref name="from"/>, <paramref name="to"/>) (Stopwatch ticks, to the bucket).</summary>
    public long Window(long from, long to)
    {
        long sum = 0;
        for (var i = Math.Max(0, (from - start) / BucketTicks); i < Math.Min(_buckets.Length, (to - start) / BucketTicks); i++)
        {
            sum += Interlocked.Read(ref _buckets[i]);
        }

        return sum;
    }
}

using Grid.LoadTest.Chaos;

namespace Grid.LoadTest.Tests;

/// <summary>Replies per second are cut on the fault's instant, and the dip is read against the rate before it.</summary>
public sealed class ThroughputDipTests
{
    [Fact]
    public void PerSecond_AlignsWholeSecondsOnAFractionalFault()
    {
        // One reply in every 10 ms bucket for 5 s; the fault at bucket 250.5 (2.505 s).
        var buckets = Enumerable.Repeat(1L, 500).ToArray();

        var seconds = ThroughputSeries.PerSecond(buckets, 250.5, -2, 3);

        // [-2,-1): buckets 51..150; [-1,0): 151..250; [0,1): 251..350; [1,2): 351..450; [2,3): 451..499.
        Assert.Equal([100L, 100, 100, 100, 49], seconds);
    }

    [Fact]
    public void PerSecond_OutsideTheRecordedSpan_IsZero()
        => Assert.Equal([0L, 0], ThroughputSeries.PerSecond([5, 5], 0, 5, 7));

    [Fact]
    public void Series_RecordsByArrival_AndSumsAWindow()
    {
        var start = 1_000_000L;
        var series = new ThroughputSeries(start, TimeSpan.FromSeconds(3));
        series.Record(start + (ThroughputSeries.BucketTicks / 2));
        series.Record(start + (150 * ThroughputSeries.BucketTicks));
        series.Record(start - 1);
        series.Record(start + (10_000 * ThroughputSeries.BucketTicks));

        Assert.Equal(1, series.Window(start, start + (100 * ThroughputSeries.BucketTicks)));
        Assert.Equal(2, series.Window(start, start + (300 * ThroughputSeries.BucketTicks)));
        Assert.Equal([1L, 1, 0], series.AroundFault(start, 0, 3));
    }

    [Fact]
    public void Dip_IsReadAgainstTheMeanBeforeTheFault()
    {
        var dip = ThroughputDip.Of([1000, 1000, 1000, 400, 950, 800, 1000], 3);

        Assert.Equal(1000, dip.Before);
        Assert.Equal(400, dip.Lowest);
        Assert.Equal(1, dip.SecondsBelowHalf);
        Assert.Equal(2, dip.SecondsBelow90);
        Assert.Equal("1000 1000 1000 | 400 950 800 1000", dip.Render());
    }

    [Fact]
    public void Dip_NeedsSecondsOnBothSides()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThroughputDip.Of([1, 2], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThroughputDip.Of([1, 2], 2));
    }
}

namespace Grid.LoadTest.Chaos;

/// <summary>The dip in completed messages per second around a fault.</summary>
/// <param name="Before">Mean msgs/s over the seconds before the fault.</param>
/// <param name="Lowest">The lowest whole second from the fault on.</param>
/// <param name="SecondsBelowHalf">Seconds from the fault on below half of <see cref="Before"/>.</param>
/// <param name="SecondsBelow90">Seconds from the fault on below 90 % of <see cref="Before"/>.</param>
/// <param name="Series">msgs/s per second, the first <see cref="BeforeSeconds"/> before the fault.</param>
/// <param name="BeforeSeconds">How many of <see cref="Series"/> precede the fault.</param>
public sealed record ThroughputDip(double Before, long Lowest, int SecondsBelowHalf, int SecondsBelow90, long[] Series, int BeforeSeconds)
{
    /// <summary>Reads the dip from a per-second series whose first <paramref name="beforeSeconds"/> precede the fault.</summary>
    public static ThroughputDip Of(long[] series, int beforeSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beforeSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(series.Length, beforeSeconds);
        var before = series.Take(beforeSeconds).Average();
        var after = series.Skip(beforeSeconds).ToArray();
        return new ThroughputDip(
            Math.Round(before, 1), after.Min(), after.Count(s => s < before * 0.5), after.Count(s => s < before * 0.9), series, beforeSeconds);
    }

    /// <summary>"2010 1995 | 840 1730 …": the seconds before the fault, a bar, the seconds from it.</summary>
    public string Render() => string.Join(' ', Series.Take(BeforeSeconds)) + " | " + string.Join(' ', Series.Skip(BeforeSeconds));
}

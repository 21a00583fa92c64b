using System.Diagnostics;

namespace Grid.LoadTest.Transport;

/// <summary>
/// Waits for the next planned send of the open loop. Sleeping costs no CPU but wakes up to about a
/// millisecond late on Linux; spinning (with yields) is punctual and keeps a core busy. Either way the
/// latency is measured from the planned time, so lateness shows in the results (as send lag) rather
/// than hiding.
/// </summary>
public sealed class Pacer(bool spin)
{
    private static readonly long SleepThreshold = Stopwatch.Frequency / 500;

    /// <summary>Returns at or after <paramref name="target"/> (Stopwatch ticks).</summary>
    public async ValueTask WaitUntil(long target, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = target - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            if (!spin || remaining > SleepThreshold)
            {
                await Task.Delay(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, remaining * TimeSpan.TicksPerSecond / Stopwatch.Frequency)), cancellationToken);
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}

using System.Diagnostics;
using Grid.LoadTest.Reporting;

namespace Grid.LoadTest.Measurement;

/// <summary>
/// CPU time of this process, of the server processes and of the whole machine, sampled at the start
/// and end of the measured window, to show how the cores were split between generator and server.
/// </summary>
public sealed class CpuSampler(IReadOnlyList<int> serverPids)
{
    private Sample _start;

    /// <summary>Takes the start sample.</summary>
    public void Mark() => _start = Take();

    /// <summary>Cores used since <see cref="Mark"/>.</summary>
    public CpuUse Since()
    {
        var end = Take();
        var wall = (end.Wall - _start.Wall).TotalSeconds;
        if (wall <= 0)
        {
            return new CpuUse(0, null, null, Environment.ProcessorCount);
        }

        double? Cores(TimeSpan? from, TimeSpan? to) => from is { } a && to is { } b ? Math.Round((b - a).TotalSeconds / wall, 2) : null;
        double? machine = end.MachineTotal > _start.MachineTotal
            ? Math.Round((double)(end.MachineBusy - _start.MachineBusy) / (end.MachineTotal - _start.MachineTotal) * Environment.ProcessorCount, 2)
            : null;
        return new CpuUse(Cores(_start.Self, end.Self) ?? 0, Cores(_start.Server, end.Server), machine, Environment.ProcessorCount);
    }

    private Sample Take()
    {
        var (busy, total) = MachineTicks();
        return new Sample(Stopwatch.GetElapsedTime(0), Process.GetCurrentProcess().TotalProcessorTime, ServerTime(), busy, total);
    }

    private TimeSpan? ServerTime()
    {
        if (serverPids.Count == 0)
        {
            return null;
        }

        var sum = TimeSpan.Zero;
        foreach (var pid in serverPids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                sum += process.TotalProcessorTime;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return null;
            }
        }

        return sum;
    }

    // First line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ..." in clock ticks.
    private static (long Busy, long Total) MachineTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
            var total = fields.Sum();
            return (total - fields[3] - fields[4], total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (0, 0);
        }
    }

    private readonly record struct Sample(TimeSpan Wall, TimeSpan Self, TimeSpan? Server, long MachineBusy, long MachineTotal);
}

using System.Diagnostics;

namespace Grid.HopCosts;

/// <summary>How much CPU and allocation an operation costs: whole process (multi-threaded work) or one thread.</summary>
internal static class Cost
{
    /// <summary>Process CPU µs, allocated bytes and wall µs per operation while <paramref name="body"/> runs <paramref name="ops"/> operations.</summary>
    public static async Task<(double CpuUs, double Bytes, double WallUs)> Process(long ops, Func<Task> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(true);
        var started = Stopwatch.GetTimestamp();
        await body();
        var wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalMicroseconds / ops, (GC.GetTotalAllocatedBytes(true) - bytes) / (double)ops, wall.TotalMicroseconds / ops);
    }

    /// <summary>Nanoseconds and bytes per call of <paramref name="body"/> on this thread (after a warm-up of the same length).</summary>
    public static (double Ns, double Bytes) Thread(int ops, Action body)
    {
        for (var i = 0; i < ops; i++)
        {
            body();
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < ops; i++)
        {
            body();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return (elapsed.TotalNanoseconds / ops, (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)ops);
    }
}

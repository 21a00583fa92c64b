namespace Grid.HopBudget;

/// <summary>EventCounter totals seen in one EventPipe trace (1 s intervals), and its GC activity.</summary>
public sealed class TraceCounters
{
    private readonly Dictionary<string, double> _sums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Sum, int Count)> _means = new(StringComparer.Ordinal);

    private readonly Dictionary<string, (double First, double Last, double Seconds, double After)> _totals = new(StringComparer.Ordinal);

    /// <summary>
    /// gRPC messages received by the server over the window: Grpc.AspNetCore.Server publishes running
    /// totals, so the rate between the first and the last interval times the window's seconds.
    /// </summary>
    public double MessagesReceived => _totals.TryGetValue("messages-received", out var t) && t.After > 0 ? (t.Last - t.First) / t.After * t.Seconds : 0;

    /// <summary>Bytes allocated (System.Runtime alloc-rate, summed over intervals).</summary>
    public double AllocatedBytes => Sum("alloc-rate");

    /// <summary>Seconds covered by counter intervals.</summary>
    public double Seconds => _totals.TryGetValue("messages-received", out var t) ? t.Seconds : 0;

    /// <summary>Mean process CPU over the intervals, in percent of the machine (System.Runtime cpu-usage).</summary>
    public double CpuUsageMean => Mean("cpu-usage");

    /// <summary>Garbage collections started, by generation (AllocationTick traces only).</summary>
    public int[] Collections { get; } = new int[3];

    /// <summary>Milliseconds the runtime was suspended for GC (GC events; AllocationTick traces only).</summary>
    public double PauseMs { get; set; }

    /// <summary>Sum of an incrementing counter's increments ("alloc-rate", "total-pause-time-by-gc", "threadpool-completed-items-count", ...).</summary>
    public double Sum(string name) => _sums.GetValueOrDefault(name);

    /// <summary>Mean of a polling counter's values.</summary>
    public double Mean(string name) => _means.TryGetValue(name, out var m) && m.Count > 0 ? m.Sum / m.Count : 0;

    internal void Add(string name, double? increment, double? mean, double interval)
    {
        if (increment is { } i)
        {
            _sums[name] = _sums.GetValueOrDefault(name) + i;
            _sums["interval:" + name] = _sums.GetValueOrDefault("interval:" + name) + interval;
        }

        if (mean is { } m)
        {
            var t = _totals.TryGetValue(name, out var seen) ? (seen.First, m, seen.Seconds + interval, seen.After + interval) : (m, m, interval, 0);
            _totals[name] = t;
            var (sum, count) = _means.GetValueOrDefault(name);
            _means[name] = (sum + m, count + 1);
        }
    }
}

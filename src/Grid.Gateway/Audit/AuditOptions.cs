namespace Grid.Gateway.Audit;

/// <summary>The audit trail (configuration section "Grid:Audit").</summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Grid:Audit";

    /// <summary>Record decisions and operator actions. Off only for benchmarks that measure without it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Records kept: the size of the in-memory ring (embedded mode), or of the queue in front of the
    /// Redis stream (Redis mode). When full, new records are dropped and counted, never queued without bound.
    /// </summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>Redis mode: the stream key every silo appends to.</summary>
    public string StreamKey { get; set; } = "grid:audit";

    /// <summary>Redis mode: the stream is trimmed (approximately) to this many records.</summary>
    public long MaxStreamLength { get; set; } = 10_000_000;

    /// <summary>Records per query page when the caller asks for none.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>Name stamped on every record of this process (the silo).</summary>
    public string Silo { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}";
}

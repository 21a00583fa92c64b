namespace Grid.LoadTest.Reporting;

/// <summary>What one phase (grid or echo) measured over its window.</summary>
public sealed record PhaseResult
{
    /// <summary>"grid" (PreTrade.Stream) or "echo" (Echo.Stream).</summary>
    public required string Name { get; init; }

    /// <summary>"open 20000/s" or "closed 4x64".</summary>
    public required string Load { get; init; }

    /// <summary>Offered messages per second (open loop), null in closed loop.</summary>
    public double? OfferedRate { get; init; }

    /// <summary>Messages outstanding per stream (closed loop), null in open loop.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Streams (simulated matching engines).</summary>
    public int Streams { get; init; }

    /// <summary>Seconds measured (warm-up excluded).</summary>
    public double Seconds { get; init; }

    /// <summary>Why the phase could not run; the figures are then empty.</summary>
    public string? Error { get; init; }

    /// <summary>Messages planned in the window and sent.</summary>
    public long Sent { get; init; }

    /// <summary>Replies to those messages.</summary>
    public long Answered { get; init; }

    /// <summary>Replies that arrived in the window, per second: the throughput.</summary>
    public double Throughput { get; init; }

    /// <summary>Latency from the planned send time to the reply.</summary>
    public LatencySummary Latency { get; init; } = LatencySummary.Empty;

    /// <summary>How late the generator sent (actual minus planned time).</summary>
    public LatencySummary SendLag { get; init; } = LatencySummary.Empty;

    /// <summary>Messages sent in the window by kind (the realised order mix).</summary>
    public IReadOnlyDictionary<string, long> SentByKind { get; init; } = new Dictionary<string, long>();

    /// <summary>Decisions on checks by outcome.</summary>
    public IReadOnlyDictionary<string, long> Decisions { get; init; } = new Dictionary<string, long>();

    /// <summary>Rejected checks by reason.</summary>
    public IReadOnlyDictionary<string, long> Rejects { get; init; } = new Dictionary<string, long>();

    /// <summary>Error replies by code (not applied).</summary>
    public IReadOnlyDictionary<string, long> Errors { get; init; } = new Dictionary<string, long>();

    /// <summary>Acks of fills and cancels.</summary>
    public long Acks { get; init; }

    /// <summary>Acks for orders the grid did not hold.</summary>
    public long AcksUnknownOrder { get; init; }

    /// <summary>Messages never answered (stream failure or drain timeout).</summary>
    public long Unanswered { get; init; }

    /// <summary>Failure of each stream that failed.</summary>
    public IReadOnlyList<string> StreamFailures { get; init; } = [];

    /// <summary>The server's per-stream window (grid-max-in-flight), 0 if not sent.</summary>
    public int ServerWindow { get; init; }

    /// <summary>CPU split over the window.</summary>
    public CpuUse? Cpu { get; init; }

    /// <summary>Bytes the server allocated over the window (its runtime counter), null when unknown.</summary>
    public long? ServerAllocatedBytes { get; init; }

    /// <summary>Server bytes allocated per message: <see cref="ServerAllocatedBytes"/> over the replies in the window.</summary>
    public double? ServerBytesPerMessage => ServerAllocatedBytes is { } b && Throughput > 0 && Seconds > 0 ? Math.Round(b / (Throughput * Seconds), 0) : null;

    /// <summary>The price feed during the phase (--prices), null for a still market.</summary>
    public MarketFeedResult? Market { get; init; }

    /// <summary>Error replies plus unanswered messages plus failed streams, and the price feed's faults.</summary>
    public long Faults => Errors.Values.Sum() + Unanswered + StreamFailures.Count + (Error is null ? 0 : 1) + (Market?.Faults ?? 0);
}

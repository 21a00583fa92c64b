namespace Grid.LoadTest.Chaos;

/// <summary>One chaos run: the fault, what the engines saw, and the reconciliation of their ledger with the accounts.</summary>
public sealed record ChaosResult
{
    /// <summary>The run's label.</summary>
    public required string Label { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The exact command line.</summary>
    public required string Command { get; init; }

    /// <summary>Cluster, load and accounts, in words.</summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }

    /// <summary>The fault as asked, e.g. kill-silo@10s.</summary>
    public required string Fault { get; init; }

    /// <summary>What was done, e.g. "kill -9 silo 1 (pid 1234)".</summary>
    public required string Injected { get; init; }

    /// <summary>When the fault was injected (UTC), to find it in the silo logs.</summary>
    public required DateTimeOffset FaultUtc { get; init; }

    /// <summary>Milliseconds the injection itself took (a Redis restart waits for the new server to listen).</summary>
    public required double InjectionMs { get; init; }

    /// <summary>The engines' counters, summed.</summary>
    public required SessionCounters Sessions { get; init; }

    /// <summary>Acknowledged changes in the ledger (acceptances, fills, full cancels).</summary>
    public required long Acknowledged { get; init; }

    /// <summary>What the reconciliation found.</summary>
    public required Discrepancies Reconciliation { get; init; }

    /// <summary>Time from the fault to each account's first accepted check.</summary>
    public required RecoverySummary Recovery { get; init; }

    /// <summary>Seconds from the fault to each account's first accepted check (null: never), to pool runs.</summary>
    public required IReadOnlyDictionary<string, double?> RecoverySeconds { get; init; }

    /// <summary>Each account's way back (last UNAVAILABLE, accepted check sent, accepted), seconds from the fault.</summary>
    public required IReadOnlyDictionary<string, AccountRecovery> RecoveryStages { get; init; }

    /// <summary>Each stream given up and opened on another silo: why, when, where (seconds from the fault).</summary>
    public required IReadOnlyList<StreamEvent> StreamMoves { get; init; }

    /// <summary>The machine's load averages (1, 5, 15 min, from /proc/loadavg) at the end of the measured window; empty elsewhere.</summary>
    public required string LoadAverage { get; init; }

    /// <summary>Completed msgs/s per second around the fault.</summary>
    public required ThroughputDip Dip { get; init; }

    /// <summary>Completed messages per second over the measured window.</summary>
    public required double Throughput { get; init; }

    /// <summary>Silos besides the fault's victim whose process ended during the run (a false eviction stops a silo).</summary>
    public required int OtherSilosStopped { get; init; }
}

namespace Grid.LoadTest.Reporting;

/// <summary>One run: settings, machine, the phases, the core baseline and the ratios.</summary>
public sealed record RunReport
{
    /// <summary>The run's label.</summary>
    public required string Label { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The exact command line, to reproduce the run.</summary>
    public required string Command { get; init; }

    /// <summary>Cores, OS and runtime of the machine.</summary>
    public required string Machine { get; init; }

    /// <summary>Targets, streams, accounts, instruments, mix and timing, in words.</summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }

    /// <summary>The grid phase, if measured.</summary>
    public PhaseResult? Grid { get; init; }

    /// <summary>The echo phase, if measured.</summary>
    public PhaseResult? Echo { get; init; }

    /// <summary>The core baseline, if measured.</summary>
    public CoreResult? Core { get; init; }

    /// <summary>Grid throughput over echo throughput.</summary>
    public double? GridOverEcho => Ratio(Grid?.Throughput, Echo?.Throughput);

    /// <summary>Grid throughput over one thread's core check rate.</summary>
    public double? GridOverCore => Ratio(Grid?.Throughput, Core?.ChecksPerSecond);

    private static double? Ratio(double? a, double? b) => a is { } x && b is > 0 ? Math.Round(x / b.Value, 4) : null;
}

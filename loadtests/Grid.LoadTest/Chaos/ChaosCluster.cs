using Grid.LoadTest.Options;
using Grid.LoadTest.Running;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// The cluster a chaos run breaks: one redis-server and N silos in Redis mode with fast failover
/// (as loadtests/scale.sh and the cluster tests start them), silo 0 seeding the demo market. The
/// faulted silo is silo 1: not the seeding one, and one whose accounts the survivors must take over.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    private readonly List<HostLauncher> _silos;
    private bool _hung;

    private ChaosCluster(RedisProcess redis, List<HostLauncher> silos)
    {
        Redis = redis;
        _silos = silos;
    }

    /// <summary>The cluster's Redis.</summary>
    public RedisProcess Redis { get; }

    /// <summary>The silo a silo fault hits.</summary>
    public int Victim => 1 % _silos.Count;

    /// <summary>The silos' gRPC endpoints, in silo order.</summary>
    public IReadOnlyList<Uri> Targets => [.. _silos.Select(s => s.Target)];

    /// <summary>The silos' process ids.</summary>
    public IReadOnlyList<int> ProcessIds => [.. _silos.Select(s => s.ProcessId)];

    /// <summary>Starts Redis, then the silos one by one, each ready before the next.</summary>
    public static async Task<ChaosCluster> Start(LoadOptions options, string directory, string runId, TextWriter output)
    {
        var redis = await RedisProcess.Start(options.RedisServer, directory);
        output.WriteLine($"started {options.RedisServer} on 127.0.0.1:{redis.Port} ({RedisProcess.Persistence})");
        var silos = new List<HostLauncher>();
        var cluster = new ChaosCluster(redis, silos);
        try
        {
            for (var i = 0; i < options.Silos; i++)
            {
                string[] settings =
                [
                    "--Grid:Host:Mode=Redis", $"--Grid:Host:RedisConnectionString={redis.ConnectionString}", "--Grid:Host:FastFailover=true",
                    $"--Grid:Host:SeedDemo={(i == 0 ? "true" : "false")}", "--Logging:Console:TimestampFormat=HH:mm:ss.fff ",
                ];
                silos.Add(await HostLauncher.Start(options.StartHost!, [.. settings, .. options.HostArguments], $"chaos-{runId}", Path.Combine(directory, $"chaos-{runId}-silo{i}.log"), output));
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Injects <paramref name="kind"/>; returns what was done, in words.</summary>
    public async Task<string> Inject(FaultKind kind)
    {
        // A victim already gone (evicted while alive, on a starved machine) makes the run void: say so.
        var gone = kind != FaultKind.RestartRedis && _silos[Victim].HasExited ? "; VOID: the victim had already stopped before the fault" : "";
        switch (kind)
        {
            case FaultKind.KillSilo:
                _silos[Victim].Kill();
                return $"kill -9 silo {Victim} (pid {_silos[Victim].ProcessId}){gone}";
            case FaultKind.HangSilo:
                await _silos[Victim].Signal("STOP");
                _hung = true;
                return $"SIGSTOP silo {Victim} (pid {_silos[Victim].ProcessId}){gone}";
            default:
                await Redis.Restart();
                return $"kill -9 redis-server on port {Redis.Port}, restarted on the same port and data directory";
        }
    }

    /// <summary>Resumes a hung silo (SIGCONT); nothing otherwise.</summary>
    public async Task Resume()
    {
        if (_hung && !_silos[Victim].HasExited)
        {
            await _silos[Victim].Signal("CONT");
            _hung = false;
        }
    }

    /// <summary>
    /// The silos still running that the fault did not touch, to read the accounts back through (a survivor may
    /// have been evicted and stopped too: fast failover can take a CPU-starved silo for a dead one).
    /// </summary>
    public IReadOnlyList<Uri> Survivors(FaultKind kind)
        => [.. _silos.Where((s, i) => !s.HasExited && (kind == FaultKind.RestartRedis || i != Victim)).Select(s => s.Target)];

    /// <summary>Silos whose process ended without being the fault's victim (evicted, then stopped by Orleans).</summary>
    public int Lost(FaultKind kind) => _silos.Where((s, i) => s.HasExited && (kind == FaultKind.RestartRedis || i != Victim)).Count();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Resume();
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}

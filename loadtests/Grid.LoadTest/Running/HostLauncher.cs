using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grid.LoadTest.Running;

/// <summary>
/// Starts a grid host (Grid.Host.dll) on free loopback ports with the Echo service enabled, waits until
/// /health/ready says Healthy, and kills it (by its process id) when disposed. Its output goes to a log
/// file beside the reports.
/// </summary>
public sealed class HostLauncher : IAsyncDisposable
{
    private const string TieringDelay = "DOTNET_TC_CallCountingDelayMs";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostLauncher(Process process, StreamWriter log, int grpcPort, int httpPort)
    {
        _process = process;
        _log = log;
        Target = new Uri($"http://127.0.0.1:{grpcPort}");
        Metrics = new Uri($"http://127.0.0.1:{httpPort}/metrics");
    }

    /// <summary>The host's gRPC endpoint.</summary>
    public Uri Target { get; }

    /// <summary>The host's Prometheus endpoint (runtime counters included).</summary>
    public Uri Metrics { get; }

    /// <summary>The host's process id (for CPU sampling).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the host found at <paramref name="path"/> (the dll, or the src/Grid.Host folder after a Release build).</summary>
    public static async Task<HostLauncher> Start(string path, IReadOnlyList<string> extraArguments, string clusterId, string logPath, TextWriter output)
    {
        var dll = Locate(path);
        var ports = FreePorts(4);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);

        // The image's runtime setting (Dockerfile): hot methods reach optimised code without the tiering
        // delay that restarts on every newly called method. Set in the generator's environment to override.
        start.Environment[TieringDelay] = Environment.GetEnvironmentVariable(TieringDelay) ?? "0";
        foreach (var argument in new[]
        {
            $"--Grid:Host:GrpcPort={ports[0]}", $"--Grid:Host:HttpPort={ports[1]}", $"--Grid:Host:SiloPort={ports[2]}",
            $"--Grid:Host:GatewayPort={ports[3]}", $"--Grid:Host:ClusterId={clusterId}", "--Grid:Gateway:EnableEcho=true",
        }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {dll}");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostLauncher(process, log, ports[0], ports[1]);
        output.WriteLine($"started host pid {process.Id}: gRPC {host.Target}, health http://127.0.0.1:{ports[1]}/health/ready, log {logPath}");
        try
        {
            await WaitReady(process, ports[1]);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>True once the host process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>kill -9: the process ends at once, its connections reset, nothing drains.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Sends a signal by name (STOP, CONT) with kill(1); SIGSTOP freezes the process with its connections open.</summary>
    public async Task Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException($"could not run kill -{name}");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{name} {_process.Id} exited with {kill.ExitCode}");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static async Task WaitReady(Process process, int httpPort)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {process.ExitCode} before it was ready (see its log)");
            }

            try
            {
                if ((await http.GetStringAsync($"http://127.0.0.1:{httpPort}/health/ready")).Contains("Healthy", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening or not ready yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the host was not ready within {ReadyTimeout.TotalSeconds:0}s");
    }

    private static string Locate(string path)
    {
        var candidates = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? [path]
            : new[] { Path.Combine(path, "bin", "Release", "net10.0", "Grid.Host.dll"), Path.Combine(path, "bin", "Debug", "net10.0", "Grid.Host.dll") };
        return candidates.FirstOrDefault(File.Exists) is { } found
            ? Path.GetFullPath(found)
            : throw new FileNotFoundException($"no Grid.Host.dll at {string.Join(" or ", candidates)}: run `dotnet build src/Grid.Host -c Release` first");
    }

    /// <summary>
    /// <paramref name="count"/> distinct free ports: every listener stays open until all are chosen, or the system
    /// may hand the same port out twice (a host refuses equal ports, and a run failed so).
    /// </summary>
    private static int[] FreePorts(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            var ports = new int[count];
            for (var i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
                ports[i] = ((IPEndPoint)listeners[i].LocalEndpoint).Port;
            }

            return ports;
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener?.Stop();
            }
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// The chaos run's redis-server on a free loopback port, with the tests' persistence (append-only file
/// fsynced on every write, no snapshots: what a durable deployment runs), so a kill -9 loses nothing
/// and a restart on the same port and data directory finds every acknowledged change.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly string _binary;
    private readonly string _dir;
    private Process? _process;

    private RedisProcess(string binary, string dir, int port)
    {
        _binary = binary;
        _dir = dir;
        Port = port;
    }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>The silos' connection string (the tests' timeouts: a dead Redis fails calls within seconds).</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=3000,asyncTimeout=3000";

    /// <summary>The persistence settings, in words, for the report.</summary>
    public static string Persistence => "appendonly yes, appendfsync always, no RDB snapshots";

    /// <summary>Starts <paramref name="binary"/> with its data in a fresh folder under <paramref name="parent"/>.</summary>
    public static async Task<RedisProcess> Start(string binary, string parent)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var redis = new RedisProcess(binary, Directory.CreateDirectory(Path.Combine(parent, $"redis-{port}")).FullName, port);
        await redis.Run();
        return redis;
    }

    /// <summary>kill -9 and start again at once, same port, same data directory and settings; returns when it accepts connections.</summary>
    public async Task Restart()
    {
        _process?.Kill();
        if (_process is not null)
        {
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        await Run();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the append-only file is only evidence.
        }
    }

    private async Task Run()
    {
        var start = new ProcessStartInfo(_binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _dir,
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--logfile", Path.Combine(_dir, "redis.log"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_binary}");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    break;
                }

                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException($"{_binary} did not listen on {Port} (see {_dir}/redis.log)");
    }
}

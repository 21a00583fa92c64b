using System.Diagnostics;
using System.Net.Sockets;

namespace Grid.Testing;

/// <summary>
/// A private redis-server on a free loopback port with an append-only file fsynced on every write
/// (what a durable deployment runs), so the tests can stop and restart it without losing data.
/// </summary>
/// <param name="fsync">False for tests that write much and restart nothing: appends are not fsynced.</param>
public sealed class RedisServer(bool fsync = true) : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grid-redis-").FullName;
    private Process? _process;

    public int Port { get; } = FreePorts.Take(1)[0];

    public string ConnectionString => ConnectionStringWaiting(TimeSpan.FromSeconds(3));

    /// <summary>The connection string with replies awaited up to <paramref name="reply"/> (3 s in <see cref="ConnectionString"/>).</summary>
    public string ConnectionStringWaiting(TimeSpan reply)
        => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout={(int)reply.TotalMilliseconds},asyncTimeout={(int)reply.TotalMilliseconds}";

    /// <summary>The redis-server binary, or null when the machine has none.</summary>
    public static string? Binary { get; } = Environment.GetEnvironmentVariable("GRID_TEST_REDIS_SERVER") is { Length: > 0 } path
        ? path
        : new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(Binary ?? throw new InvalidOperationException("redis-server is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _dir, "--appendonly", "yes", "--appendfsync", fsync ? "always" : "no", "--save", "" })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("redis-server did not start");
    }

    /// <summary>Stops the server (its data stays in the append-only file).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

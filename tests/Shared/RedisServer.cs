using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

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

    /// <summary>How long <see cref="StartAsync"/> waits for the server to answer (generous: a loaded runner starts it slowly).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The process id of the server last started (for the tests of this type).</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>
    /// Starts the server and returns once it answers on <see cref="Port"/> as itself. A start that fails (the server
    /// exits, say because the port was taken meanwhile, or does not answer in time) kills the server before the
    /// error goes up, as the hosts' launcher does: a caller that never reaches its dispose leaves nothing running.
    /// </summary>
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

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-server");
        _process?.Dispose();
        _process = process;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitAnsweringAsync(process, output);
        }
        catch
        {
            await KillAsync(process);
            throw;
        }
    }

    /// <summary>Stops the server (its data stays in the append-only file).</summary>
    public async Task StopAsync()
    {
        if (_process is { } p)
        {
            await KillAsync(p);
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

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Printed(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It exited on its own.
        }

        await process.WaitForExitAsync();
    }

    // Answering on the port is not enough: a port chosen free can be taken before the server binds it (the server then
    // exits), and whoever took it may accept connections. The server is ready when the one answering is this process.
    private async Task WaitAnsweringAsync(Process process, StringBuilder output)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"redis-server exited during start (exit code {process.ExitCode}):\n{Printed(output)}");
            }

            if (await AnswersAsAsync(process.Id))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server did not answer on port {Port} within {StartTimeout}:\n{Printed(output)}");
    }

    // Whether the server on the port says it is process <paramref name="id"/> (INFO's process_id, answered while loading too).
    private async Task<bool> AnswersAsAsync(int id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("INFO server\r\n"u8.ToArray(), timeout.Token);
            var reply = new StringBuilder();
            var buffer = new byte[4096];
            while (await stream.ReadAsync(buffer, timeout.Token) is var read and > 0)
            {
                reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
                var text = reply.ToString();
                if (text.StartsWith('-'))
                {
                    return false; // an error reply: not this server, or not ready
                }

                var at = text.IndexOf("process_id:", StringComparison.Ordinal);
                var end = at < 0 ? -1 : text.IndexOf('\r', at);
                if (end > 0)
                {
                    return text[(at + "process_id:".Length)..end] == id.ToString(CultureInfo.InvariantCulture);
                }
            }

            return false;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false; // not listening yet, or not answering in time
        }
    }
}

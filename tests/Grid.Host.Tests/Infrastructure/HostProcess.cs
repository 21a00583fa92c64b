using System.Diagnostics;
using System.Text;
using Grpc.Net.Client;

namespace Grid.Host.Tests.Infrastructure;

/// <summary>
/// The real grid host (src/Grid.Host) started as a separate process on free loopback ports: black-box
/// end-to-end tests talk to it over gRPC exactly as a matching engine would, and can kill it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly TestCertificate? _tls;
    private Process? _process;

    private HostProcess(IReadOnlyDictionary<string, string> settings, TestCertificate? tls)
    {
        Settings = settings;
        _tls = tls;
        GrpcPort = int.Parse(settings["Grid:Host:GrpcPort"]);
        HttpPort = int.Parse(settings["Grid:Host:HttpPort"]);
        Channel = ChannelAs(TestKeys.Admin);
        Engine = ChannelAs(TestKeys.Engine);
        Feeder = ChannelAs(TestKeys.MarketData);
    }

    /// <summary>Configuration the process was started with.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    /// <summary>A channel to the host's gRPC port, as an admin (accounts, admin, risk events).</summary>
    public GrpcChannel Channel { get; }

    /// <summary>A channel as a matching engine (the pre-trade stream).</summary>
    public GrpcChannel Engine { get; }

    /// <summary>A channel as a price feeder (market data).</summary>
    public GrpcChannel Feeder { get; }

    /// <summary>A channel that presents <paramref name="key"/> (null: no key at all).</summary>
    public GrpcChannel ChannelAs(string? key) => GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}", new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 16 * 1024 * 1024,
        HttpHandler = key is null ? new SocketsHttpHandler() : new ApiKeyHandler(key),
    });

    /// <summary>Everything the process printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>How long a host may take to report ready: ~5 s on a quiet machine, over 60 s at load average 60-100.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>
    /// Starts a host with fresh ports and waits until it reports ready. With <paramref name="tls"/> both
    /// ports serve HTTPS with that certificate (the channels above stay clear text: make your own).
    /// </summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string>? overrides = null, TimeSpan? timeout = null, TestCertificate? tls = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var host = Create(overrides, tls);
            try
            {
                host.Start();
                await host.WaitReadyAsync(timeout ?? ReadyTimeout);
                return host;
            }
            catch (InvalidOperationException) when (attempt < 3 && host.HasExited && host.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took a chosen port between the choice and the bind: choose again.
                await host.DisposeAsync();
            }
            catch
            {
                // A host that did not get ready is nobody's to stop: killed here, or it would outlive the test run
                // and load the machine for the tests after it.
                await host.DisposeAsync();
                throw;
            }
        }
    }

    private static HostProcess Create(IReadOnlyDictionary<string, string>? overrides, TestCertificate? tls)
    {
        var ports = FreePorts.Take(4);
        var settings = new Dictionary<string, string>
        {
            ["Grid:Host:GrpcPort"] = ports[0].ToString(),
            ["Grid:Host:HttpPort"] = ports[1].ToString(),
            ["Grid:Host:SiloPort"] = ports[2].ToString(),
            ["Grid:Host:GatewayPort"] = ports[3].ToString(),
            ["Grid:Host:ClusterId"] = $"test-{Guid.NewGuid():N}"[..16],
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in TestKeys.Settings())
        {
            settings[k] = v;
        }

        foreach (var (k, v) in tls?.Settings ?? [])
        {
            settings[k] = v;
        }

        foreach (var (k, v) in overrides ?? new Dictionary<string, string>())
        {
            settings[k] = v;
        }

        return new HostProcess(settings, tls);
    }

    /// <summary>Starts the process again with the same settings (after a kill or stop).</summary>
    public async Task RestartAsync(TimeSpan? timeout = null)
    {
        Start();
        await WaitReadyAsync(timeout ?? ReadyTimeout);
    }

    /// <summary>SIGKILL: no drain, no goodbye.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    /// <summary>SIGTERM and wait: the silo drains and leaves the cluster gracefully.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process is not { HasExited: false } p)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"host did not stop within {timeout}:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        Channel.Dispose();
        Engine.Dispose();
        Feeder.Dispose();
        await Task.CompletedTask;
    }

    private void Start()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostBinary.Path);
        foreach (var (k, v) in Settings)
        {
            info.ArgumentList.Add($"--{k}={v}");
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start the host");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient(_tls?.Handler() ?? new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(2) };
        var scheme = _tls is null ? "http" : "https";
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"host exited during start:\n{Output}");
            }

            try
            {
                var r = await http.GetAsync($"{scheme}://127.0.0.1:{HttpPort}/health/ready");
                if (r.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow start.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"host not ready within {timeout}:\n{Output}");
    }
}

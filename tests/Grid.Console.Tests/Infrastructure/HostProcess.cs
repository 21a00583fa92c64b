using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Net.Client;

namespace Grid.Console.Tests.Infrastructure;

/// <summary>
/// The real grid host (src/Grid.Host, embedded default with the demo market) started as a separate
/// process on free loopback ports: the console is served on its HTTP/1.1 port, prices and engine
/// traffic go to its gRPC port.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private HostProcess(IReadOnlyDictionary<string, string> settings)
    {
        GrpcPort = int.Parse(settings["Grid:Host:GrpcPort"], CultureInfo.InvariantCulture);
        HttpPort = int.Parse(settings["Grid:Host:HttpPort"], CultureInfo.InvariantCulture);
        Admin = ChannelAs(DemoKeys.Admin);
        Engine = ChannelAs(DemoKeys.Engine);
        Feeder = ChannelAs(DemoKeys.MarketData);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostBinary.Path);
        foreach (var (k, v) in settings)
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

    public int GrpcPort { get; }

    public int HttpPort { get; }

    /// <summary>The console's root URL, e.g. http://127.0.0.1:5001/console/.</summary>
    public string ConsoleUrl => $"http://127.0.0.1:{HttpPort}/console/";

    /// <summary>A channel to the host's gRPC port as an admin (accounts, admin).</summary>
    public GrpcChannel Admin { get; }

    /// <summary>A channel as a matching engine (the pre-trade stream).</summary>
    public GrpcChannel Engine { get; }

    /// <summary>A channel as a price feeder (market data).</summary>
    public GrpcChannel Feeder { get; }

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

    private GrpcChannel ChannelAs(string key) => GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}", new GrpcChannelOptions { HttpHandler = new ApiKeyHandler(key) });

    /// <summary>Starts a host with fresh ports and waits until it reports ready.</summary>
    public static async Task<HostProcess> StartAsync()
    {
        var ports = FreePorts.Take(4);
        var host = new HostProcess(new Dictionary<string, string>
        {
            ["Grid:Host:GrpcPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Grid:Host:HttpPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Grid:Host:SiloPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["Grid:Host:GatewayPort"] = ports[3].ToString(CultureInfo.InvariantCulture),
            ["Grid:Host:ClusterId"] = $"console-{Guid.NewGuid():N}"[..16],
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await host.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Admin.Dispose();
        Engine.Dispose();
        Feeder.Dispose();
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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"host exited during start:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"host not ready within {timeout}:\n{Output}");
    }
}

using System.Diagnostics;

namespace Grid.Host.Tests.Infrastructure;

/// <summary>
/// The host started with settings it should refuse, run until it exits: its exit code and everything
/// it printed. A host that starts after all is killed when the timeout ends and fails the test.
/// </summary>
internal sealed record HostStartAttempt(int ExitCode, string Output)
{
    public static async Task<HostStartAttempt> RunAsync(IReadOnlyDictionary<string, string> overrides, TimeSpan? timeout = null)
    {
        var ports = FreePorts.Take(4);
        var settings = new Dictionary<string, string>
        {
            ["Grid:Host:GrpcPort"] = ports[0].ToString(),
            ["Grid:Host:HttpPort"] = ports[1].ToString(),
            ["Grid:Host:SiloPort"] = ports[2].ToString(),
            ["Grid:Host:GatewayPort"] = ports[3].ToString(),
            ["Grid:Host:ClusterId"] = $"test-{Guid.NewGuid():N}"[..16],
        };
        foreach (var (k, v) in overrides)
        {
            settings[k] = v;
        }

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
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the host");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"the host did not exit: it accepted settings it should refuse\n{await stdout}{await stderr}");
        }

        return new HostStartAttempt(process.ExitCode, await stdout + await stderr);
    }
}

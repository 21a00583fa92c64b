using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Grid.Console.Tests.Browser;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package) started with a throwaway profile and a
/// DevTools port chosen by the browser, read from its stderr ("DevTools listening on ws://...").
/// Without a browser the scenarios fail, saying how to install one: CI installs it.
/// </summary>
public sealed partial class Chromium : IAsyncDisposable
{
    /// <summary>Overrides where the browser is (a path), e.g. for a Chrome elsewhere.</summary>
    public const string PathVariable = "GRID_TEST_CHROMIUM";

    private readonly Process _process;
    private readonly string _profile;

    private Chromium(Process process, string profile, CdpConnection connection)
    {
        _process = process;
        _profile = profile;
        Connection = connection;
    }

    public CdpConnection Connection { get; }

    /// <summary>The browser's executable, or null when none is installed.</summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => path.Select(dir => System.IO.Path.Combine(dir, name)))
            .Prepend("/usr/bin/chromium")
            .FirstOrDefault(File.Exists);
    }

    public static async Task<Chromium> LaunchAsync()
    {
        var executable = Locate() ?? throw new InvalidOperationException(
            $"The console's browser tests need headless Chromium and none was found (${PathVariable}, /usr/bin/chromium, chromium on PATH). " +
            "Install it with: apt-get install -y chromium");
        var profile = Directory.CreateTempSubdirectory("grid-console-chromium-").FullName;
        var info = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--mute-audio", "--force-color-profile=srgb", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (DevToolsLine().Match(line) is { Success: true } m)
            {
                endpoint.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var uri = await endpoint.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return new Chromium(process, profile, await CdpConnection.ConnectAsync(uri));
        }
        catch (Exception e)
        {
            Stop(process);
            string printed;
            lock (output)
            {
                printed = output.ToString();
            }

            throw new InvalidOperationException($"{executable} did not open its DevTools endpoint: {e.Message}\n{printed}", e);
        }
    }

    /// <summary>A new tab of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public Task<BrowserPage> NewPageAsync(int width = 1440, int height = 900) => BrowserPage.OpenAsync(Connection, width, height);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        Stop(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting child; the temp directory is cleaned eventually.
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}

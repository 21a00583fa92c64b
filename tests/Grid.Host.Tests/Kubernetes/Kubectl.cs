using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Grid.Host.Tests.Kubernetes;

/// <summary>Renders kustomize overlays with the kubectl on PATH and reads the result as JSON objects.</summary>
internal static class Kubectl
{
    // kubectl converts YAML to JSON only through a command; "annotate --local" needs no cluster and,
    // removing an annotation nobody sets, re-emits every object unchanged as JSON.
    private const string AbsentAnnotation = "margin-grid.test/render-";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The objects <c>kubectl kustomize</c> renders from the directory, in output order.</summary>
    public static IReadOnlyList<JsonElement> Render(string kustomizationDirectory)
    {
        var yaml = Run(["kustomize", kustomizationDirectory], stdin: null);
        var json = Run(["annotate", "--local", "-f", "-", "-o", "json", AbsentAnnotation], yaml);
        return ReadObjects(json);
    }

    private static string Run(IReadOnlyList<string> arguments, string? stdin)
    {
        var start = new ProcessStartInfo(Locate())
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', arguments)} took more than {Timeout.TotalSeconds} s");
        }

        return process.ExitCode == 0
            ? stdout.GetAwaiter().GetResult()
            : throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.GetAwaiter().GetResult()}");
    }

    private static string Locate()
    {
        var name = OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl";
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "kubectl is not on PATH. The Kubernetes manifest tests render k8s/overlays/* with `kubectl kustomize` "
            + "(no cluster needed) and fail rather than pass unchecked: install kubectl 1.27 or newer.");
    }

    private static List<JsonElement> ReadObjects(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowMultipleValues = true });
        var objects = new List<JsonElement>();
        while (reader.Read())
        {
            var value = JsonElement.ParseValue(ref reader);
            if (value.TryGetProperty("kind", out var kind) && kind.GetString() == "List")
            {
                objects.AddRange(value.GetProperty("items").EnumerateArray());
            }
            else
            {
                objects.Add(value);
            }
        }

        return objects.Count > 0 ? objects : throw new InvalidOperationException("kubectl rendered no objects");
    }
}

namespace Grid.Host.Tests.Kubernetes;

/// <summary>The runtime stage of the root Dockerfile (after its last FROM): user, working directory, exposed ports.</summary>
internal static class DockerfileFacts
{
    private static readonly Lazy<string[]> RuntimeStage = new(() =>
    {
        var lines = Repo.Read("Dockerfile").Split('\n').Select(l => l.Trim()).ToArray();
        var last = Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase));
        return last >= 0 ? lines[last..] : throw new InvalidOperationException("Dockerfile has no FROM");
    });

    /// <summary>The USER of the runtime stage, e.g. "10001:10001".</summary>
    public static string User => Last("USER");

    /// <summary>The WORKDIR of the runtime stage: the host's content root, where appsettings files are read.</summary>
    public static string RuntimeWorkDir => Last("WORKDIR");

    public static IReadOnlySet<int> ExposedPorts =>
        RuntimeStage.Value.Where(l => l.StartsWith("EXPOSE ", StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => l[7..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();

    private static string Last(string instruction)
        => RuntimeStage.Value.LastOrDefault(l => l.StartsWith(instruction + " ", StringComparison.OrdinalIgnoreCase)) is { } line
            ? line[(instruction.Length + 1)..].Trim()
            : throw new InvalidOperationException($"the Dockerfile's runtime stage has no {instruction}");
}

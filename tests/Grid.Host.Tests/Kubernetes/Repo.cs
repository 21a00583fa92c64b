namespace Grid.Host.Tests.Kubernetes;

/// <summary>Paths in the repository the tests run from (found by walking up to Grid.sln).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>Where the build put the host (same configuration and framework as these tests).</summary>
    public static string HostOutput
    {
        get
        {
            // tests/Grid.Host.Tests/bin/<Configuration>/<tfm>/ → src/Grid.Host/bin/<Configuration>/<tfm>/
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var directory = Path.Combine(Root, "src", "Grid.Host", "bin", here.Parent!.Name, here.Name);
            return File.Exists(Path.Combine(directory, "Grid.Host.dll"))
                ? directory
                : throw new FileNotFoundException($"build src/Grid.Host first: {directory}/Grid.Host.dll is missing");
        }
    }

    /// <summary>The kustomize overlays under k8s/overlays, each rendered and checked by the tests.</summary>
    public static IReadOnlyList<string> Overlays =>
        [.. Directory.GetDirectories(PathOf("k8s/overlays")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Grid.sln")) && Directory.Exists(Path.Combine(directory.FullName, "k8s")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Grid.sln with a k8s/ folder above {AppContext.BaseDirectory}");
    }
}

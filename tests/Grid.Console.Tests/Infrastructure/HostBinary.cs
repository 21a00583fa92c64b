namespace Grid.Console.Tests.Infrastructure;

/// <summary>Where the build put Grid.Host.dll (same configuration as the tests).</summary>
internal static class HostBinary
{
    public static string Path { get; } = Locate();

    /// <summary>The repository root (five levels above tests/Grid.Console.Tests/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string RepositoryRoot => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    private static string Locate()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var path = System.IO.Path.Combine(RepositoryRoot, "src", "Grid.Host", "bin", here.Parent!.Name, here.Name, "Grid.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"build src/Grid.Host first: {path} is missing");
    }
}

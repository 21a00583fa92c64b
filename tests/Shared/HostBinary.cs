namespace Grid.Testing;

/// <summary>Where the build put Grid.Host.dll (same configuration as the tests).</summary>
internal static class HostBinary
{
    /// <summary>The repository root (five levels above tests/&lt;Project&gt;/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string RepositoryRoot => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    public static string Path { get; } = Locate();

    private static string Locate()
    {
        // tests/<Project>/bin/<Configuration>/net10.0/ → src/Grid.Host/bin/<Configuration>/net10.0/Grid.Host.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var path = System.IO.Path.Combine(RepositoryRoot, "src", "Grid.Host", "bin", here.Parent!.Name, here.Name, "Grid.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"build src/Grid.Host first: {path} is missing");
    }
}

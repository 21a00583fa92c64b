namespace Grid.Host.Tests.Infrastructure;

/// <summary>Where the build put Grid.Host.dll (same configuration as the tests).</summary>
internal static class HostBinary
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        // tests/Grid.Host.Tests/bin/<Configuration>/net10.0/ → src/Grid.Host/bin/<Configuration>/net10.0/Grid.Host.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = System.IO.Path.Combine(root, "src", "Grid.Host", "bin", configuration, framework, "Grid.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"build src/Grid.Host first: {path} is missing");
    }
}

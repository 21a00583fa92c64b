namespace Grid.Console.Tests.Infrastructure;

/// <summary>Where the scenarios save their screenshots: bin/&lt;Configuration&gt;/net10.0/screenshots/.</summary>
internal static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static string PathOf(string name) => Path.Combine(Directory, $"{name}.png");
}

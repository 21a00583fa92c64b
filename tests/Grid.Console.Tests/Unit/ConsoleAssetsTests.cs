using System.Text.RegularExpressions;
using Grid.Console.Assets;

namespace Grid.Console.Tests.Unit;

/// <summary>The embedded front end is complete and self-contained: no CDN, no missing module.</summary>
public sealed partial class ConsoleAssetsTests
{
    private static readonly ConsoleAssets Assets = new();

    [Fact]
    public void Page_AndItsScriptsAndStyles_AreEmbedded()
        => Assert.Superset(new HashSet<string>(["index.html", "console.css", "favicon.svg", "js/app.js"]), Assets.Paths.ToHashSet());

    [Fact]
    public void EveryFileThePageNames_IsEmbedded()
    {
        foreach (Match m in AssetReference().Matches(Read("index.html")))
        {
            Assert.Contains(m.Groups[1].Value, Assets.Paths);
        }
    }

    [Fact]
    public void EveryModuleImport_IsEmbedded()
    {
        foreach (var script in Assets.Paths.Where(p => p.EndsWith(".js", StringComparison.Ordinal)))
        {
            foreach (Match m in ModuleImport().Matches(Read(script)))
            {
                Assert.Contains($"js/{m.Groups[1].Value}", Assets.Paths);
            }
        }
    }

    [Fact]
    public void NoFile_LoadsAnythingFromOutside()
    {
        foreach (var path in Assets.Paths)
        {
            // The SVG namespace is a name, not a download.
            var text = Read(path).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text);
        }
    }

    private static string Read(string path)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream($"console/{path}")!;
        return new StreamReader(stream).ReadToEnd();
    }

    [GeneratedRegex("(?:href|src)=\"assets/([^\"]+)\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex(@"from '\./([a-z]+\.js)'")]
    private static partial Regex ModuleImport();
}

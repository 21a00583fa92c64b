using System.Xml.Linq;

namespace Grid.Host.Tests.Kubernetes;

/// <summary>The container image recipe and the copies k8s/ keeps of host files.</summary>
public sealed class ImageAndSourceTests
{
    [Fact]
    public void Overlays_DevAndProdExist()
    {
        Assert.Contains("dev", Repo.Overlays);
        Assert.Contains("prod", Repo.Overlays);
    }

    [Fact]
    public void RulebookCopy_IsTheHostsDefaultRulebook()
        => Assert.Equal(Repo.Read(HostSource.RulebookPath), Repo.Read("k8s/base/rulebook/default-rulebook.json"));

    [Fact]
    public void Dockerfile_RunsNonRoot_AndExposesTheHostsDefaultPorts()
    {
        var user = DockerfileFacts.User.Split(':');
        Assert.True(int.TryParse(user[0], out var uid) && uid > 0, $"USER {DockerfileFacts.User} must be a numeric non-root uid (runAsNonRoot checks it)");
        var ports = new[] { "GrpcPort", "HttpPort", "SiloPort", "GatewayPort" }
            .Select(k => int.Parse(HostSource.AppSettings[$"Grid:Host:{k}"], System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
        Assert.Equal(ports, DockerfileFacts.ExposedPorts);
    }

    [Fact]
    public void Dockerfile_RestoresEveryProjectTheHostReferences()
    {
        // The restore layer copies project files only; a project reference it misses breaks the image build.
        var dockerfile = Repo.Read("Dockerfile");
        var missing = ProjectClosure("src/Grid.Host/Grid.Host.csproj")
            .Where(p => !dockerfile.Contains($"COPY {p} ", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "Dockerfile does not COPY before restore: " + string.Join(", ", missing));
        Assert.Contains("dotnet publish src/Grid.Host/Grid.Host.csproj", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerignore_KeepsTheBuildInputs_AndDropsBuildOutput()
    {
        var rules = Repo.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        Assert.Contains("**/bin/", rules);
        Assert.Contains("**/obj/", rules);
        foreach (var input in new[] { "src", "src/", "protos", "protos/", "Directory.Build.props", "Directory.Packages.props", "global.json", "*.props", "*.json" })
        {
            Assert.DoesNotContain(input, rules);
        }
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(Repo.PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Repo.Root, directory, reference.Attribute("Include")!.Value));
                pending.Push(Path.GetRelativePath(Repo.Root, full).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        return seen;
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Grid.Host.Tests.Kubernetes;

/// <summary>
/// API keys and TLS in the rendered overlays: the silo takes its keys from the Secret grid-api-keys
/// and its certificate from the kubernetes.io/tls Secret grid-tls, which dev renders (published dev
/// keys, a committed self-signed certificate) and prod leaves to operators, documenting how.
/// </summary>
public sealed partial class KeysAndTlsTests
{
    private const string KeySecret = "grid-api-keys";
    private const string TlsSecret = "grid-tls";
    private const string TlsMount = "/etc/grid/tls";

    // The dev overlay's published key secrets (k8s/overlays/dev/kustomization.yaml), by key id.
    private static readonly Dictionary<string, string> DevSecrets = new()
    {
        ["k8s-dev-admin"] = "k8s-dev-admin-key",
        ["k8s-dev-engine"] = "k8s-dev-engine-key",
        ["k8s-dev-trader"] = "k8s-dev-trader-key",
        ["k8s-dev-marketdata"] = "k8s-dev-marketdata-key",
    };

    // The embedded grid's documented keys (README, src/Grid.Host/Hosting/DevelopmentKeys.cs): the silo pods refuse them.
    private static readonly string[] EmbeddedDevelopmentSecrets = ["grid-dev-admin", "grid-dev-engine", "grid-dev-trader", "grid-dev-marketdata"];

    private static readonly HashSet<string> Roles = ["Engine", "Trader", "MarketData", "Admin"];

    public static TheoryData<string> Overlays => OverlayTests.Overlays;

    /// <summary>Secrets an overlay references but leaves to operators (each documented in its kustomization.yaml).</summary>
    public static IReadOnlySet<string> OperatorSecrets(string overlay)
        => overlay == "prod" ? new HashSet<string> { KeySecret, TlsSecret } : new HashSet<string>();

    /// <summary>True when the manifests give the host a certificate (both ports then serve HTTPS).</summary>
    internal static bool ServesTls(RenderedOverlay o)
        => !string.IsNullOrWhiteSpace(o.EffectiveConfiguration().GetValueOrDefault("Grid:Host:Tls:CertificatePath"));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_TakesItsApiKeysFromTheKeySecret_AndNowhereElse(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        var sources = o.SiloContainer.Items("envFrom").Where(e => e.Find("secretRef") is not null).ToList();
        var source = Assert.Single(sources, e => BaseName(o, e.Text("secretRef", "name")) == KeySecret);
        Assert.True(source.Flag("secretRef", "optional") != true, "the key Secret must not be optional: a silo without keys must not start");
        Assert.True(string.IsNullOrEmpty(source.TextOrNull("prefix")), "a prefix would hide the Grid__Security__* variables from the host");

        // Keys come from that Secret only: never from a ConfigMap or a literal in the manifests.
        var elsewhere = o.Environment.Values.Where(v => v.Name.StartsWith("Grid__Security__Keys__", StringComparison.Ordinal) && v.Source != "secret").Select(v => v.Name).ToList();
        Assert.True(elsewhere.Count == 0, "API keys outside the Secret: " + string.Join(", ", elsewhere));
        Assert.DoesNotContain(o.ConfigEntries, e => e.Key.StartsWith("Grid:Security:Keys", StringComparison.OrdinalIgnoreCase) && e.Origin.Contains("ConfigMap", StringComparison.Ordinal));
        Assert.NotEqual("false", o.EffectiveConfiguration().GetValueOrDefault("Grid:Security:Enabled", "true"), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_ServesTlsFromTheMountedTlsSecret_BecauseItListensOnThePodNetwork(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);

        // The host refuses clear text off loopback; the manifests must therefore configure a certificate.
        Assert.Equal("false", o.Setting("Grid:Host:LoopbackOnly"), ignoreCase: true);
        Assert.True(ServesTls(o), "LoopbackOnly=false without Grid:Host:Tls:CertificatePath: the host would refuse to start");

        var mount = Assert.Single(o.SiloContainer.Items("volumeMounts"), m => m.Text("mountPath") == TlsMount);
        Assert.True(mount.Flag("readOnly") == true, $"{TlsMount} must be mounted read-only");
        Assert.Null(mount.TextOrNull("subPath"));
        var volume = o.PodSpec.Items("volumes").Single(v => v.Text("name") == mount.Text("name"));
        var secretName = volume.Text("secret", "secretName");
        Assert.Equal(TlsSecret, BaseName(o, secretName));
        Assert.True(volume.Flag("secret", "optional") != true, "the TLS Secret must not be optional");
        if (volume.Find("secret", "defaultMode") is { } mode)
        {
            Assert.Equal(0, mode.GetInt32() & 0b111); // nothing for others: the key is the pod's only
        }

        Assert.Equal($"{TlsMount}/tls.crt", o.Setting("Grid:Host:Tls:CertificatePath"));
        Assert.Equal($"{TlsMount}/tls.key", o.Setting("Grid:Host:Tls:KeyPath"));
        Assert.Equal("value", Variable(o, "Grid__Host__Tls__CertificatePath").Source);

        if (o.Find("Secret", secretName) is { } rendered)
        {
            Assert.Equal("kubernetes.io/tls", rendered.TextOrNull("type"));
            Assert.Superset(new HashSet<string> { "tls.crt", "tls.key" }, o.SecretData(secretName).Keys.ToHashSet());
        }
        else
        {
            Assert.Contains(TlsSecret, OperatorSecrets(overlay));
        }
    }

    [Fact]
    public void Dev_KeysAreWellFormed_Documented_AndNotTheEmbeddedDevelopmentKeys()
    {
        var o = RenderedOverlay.Get("dev");
        var keys = Keys(o);
        Assert.Equal(DevSecrets.Keys.Order(StringComparer.Ordinal), keys.Select(k => k.Id).Order(StringComparer.Ordinal));
        var embedded = EmbeddedDevelopmentSecrets.Select(Sha256).ToHashSet();
        var documentation = Repo.Read("k8s/overlays/dev/kustomization.yaml");
        foreach (var key in keys)
        {
            Assert.Matches("^[0-9a-f]{64}$", key.Sha256);
            Assert.Contains(key.Role, Roles);
            if (key.Role is "Engine" or "Trader")
            {
                Assert.NotEmpty(key.Accounts);
            }

            Assert.DoesNotContain(key.Sha256, embedded);

            // The published secret hashes to the configured value, and the overlay says so.
            var secret = DevSecrets[key.Id];
            Assert.Equal(Sha256(secret), key.Sha256);
            Assert.Contains(secret, documentation, StringComparison.Ordinal);
        }

        Assert.Contains(keys, k => k.Role == "Admin");
        Assert.Contains(keys, k => k.Role == "Engine");
    }

    [Fact]
    public void Dev_Certificate_MatchesItsKey_NamesTheService_AndLastsYears()
    {
        var o = RenderedOverlay.Get("dev");
        var secret = o.OfKind("Secret").Single(s => BaseName(o, s.Text("metadata", "name")) == TlsSecret);
        var data = o.SecretData(secret.Text("metadata", "name"));
        using var certificate = X509Certificate2.CreateFromPem(data["tls.crt"], data["tls.key"]);
        Assert.True(certificate.HasPrivateKey);

        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToHashSet();
        var service = o.Single("Service", "grid");
        Assert.Superset(new HashSet<string> { "grid", $"grid.{RenderedOverlay.Namespace(service)}.svc", "localhost" }, names);
        Assert.True(certificate.NotAfter > DateTime.Now.AddYears(5), $"the dev certificate expires {certificate.NotAfter:u}");
    }

    [Fact]
    public void Prod_LeavesKeysAndCertificateToOperators_AndDocumentsHowToCreateThem()
    {
        var o = RenderedOverlay.Get("prod");
        foreach (var name in OperatorSecrets("prod"))
        {
            Assert.Null(o.Find("Secret", name));
            Assert.DoesNotContain(o.OfKind("Secret"), s => BaseName(o, s.Text("metadata", "name")) == name);
        }

        // Every Secret the silo needs is either rendered or one of those.
        var missing = ReferencedSecrets(o).Where(n => o.Find("Secret", n) is null).ToHashSet();
        Assert.Equal(OperatorSecrets("prod").Order(StringComparer.Ordinal), missing.Where(n => !IsOptional(o, n)).Order(StringComparer.Ordinal));

        var overlay = Repo.Read("k8s/overlays/prod/kustomization.yaml");
        Assert.Contains("create secret tls grid-tls", overlay, StringComparison.Ordinal);
        Assert.Contains("create secret generic grid-api-keys", overlay, StringComparison.Ordinal);
        Assert.Contains("cert-manager", overlay, StringComparison.Ordinal);

        var operations = Repo.Read("docs/operations.md");
        Assert.Contains("## Keys and TLS", operations, StringComparison.Ordinal);
        Assert.Contains("grid-api-keys", operations, StringComparison.Ordinal);
        Assert.Contains("grid-tls", operations, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Grid:Security:Keys:0:Id", "venue-a-engine", true)]
    [InlineData("Grid:Security:Keys:0:Sha256", "dca8a8412a859c7d37cba9d9f377e703545c314b93f6ceba68ffc71a827907b6", true)]
    [InlineData("Grid:Security:Keys:0:Role", "MarketData", true)]
    [InlineData("Grid:Security:Keys:0:Role", "Root", false)]
    [InlineData("Grid:Security:Keys:12:Accounts:3", "venue-a-*", true)]
    [InlineData("Grid:Security:Keys:first:Id", "x", false)]
    [InlineData("Grid:Security:Keys:0:Secret", "x", false)]
    [InlineData("Grid:Security:Keys", "x", false)]
    [InlineData("Grid:Security:MaxStreamsPerCaller", "16", true)]
    [InlineData("Grid:Host:Tls:CertificatePath", "/etc/grid/tls/tls.crt", true)]
    [InlineData("Grid:Host:Tls:KeyPath", "/etc/grid/tls/tls.key", true)]
    [InlineData("Grid:Host:Tls:Certificate", "/etc/grid/tls/tls.crt", false)]
    [InlineData("Grid:Host:Tls", "on", false)]
    [InlineData("Grid:Host:LoopbackOnly", "false", true)]
    public void Catalog_BindsSecurityAndTlsKeys_ThroughListsAndSubsections(string key, string value, bool binds)
    {
        var problem = HostOptionsCatalog.Instance.Problem(key, value);
        Assert.True(binds == (problem is null), problem ?? $"{key}={value} should be refused");
    }

    private static List<(string Id, string Sha256, string Role, List<string> Accounts)> Keys(RenderedOverlay o)
    {
        var entries = o.Environment.Values
            .Select(v => (Match: KeyVariable().Match(v.Name), v.Value))
            .Where(e => e.Match.Success)
            .GroupBy(e => int.Parse(e.Match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .ToList();
        Assert.Equal(Enumerable.Range(0, entries.Count), entries.Select(g => g.Key)); // no gaps: the binder would stop at one
        return entries.Select(g =>
        {
            var fields = g.ToDictionary(e => e.Match.Groups["field"].Value, e => e.Value ?? "");
            var accounts = fields.Where(f => f.Key.StartsWith("Accounts__", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value).ToList();
            return (fields.GetValueOrDefault("Id", ""), fields.GetValueOrDefault("Sha256", ""), fields.GetValueOrDefault("Role", ""), accounts);
        }).ToList();
    }

    private static IEnumerable<string> ReferencedSecrets(RenderedOverlay o)
    {
        foreach (var source in o.SiloContainer.Items("envFrom"))
        {
            if (source.TextOrNull("secretRef", "name") is { } name)
            {
                yield return name;
            }
        }

        foreach (var variable in o.SiloContainer.Items("env"))
        {
            if (variable.TextOrNull("valueFrom", "secretKeyRef", "name") is { } name)
            {
                yield return name;
            }
        }

        foreach (var volume in o.PodSpec.Items("volumes"))
        {
            if (volume.TextOrNull("secret", "secretName") is { } name)
            {
                yield return name;
            }
        }
    }

    private static bool IsOptional(RenderedOverlay o, string secret)
        => o.PodSpec.Items("volumes").Any(v => v.TextOrNull("secret", "secretName") == secret && v.Flag("secret", "optional") == true)
            || o.SiloContainer.Items("envFrom").Any(e => e.TextOrNull("secretRef", "name") == secret && e.Flag("secretRef", "optional") == true);

    // kustomize's generated name "grid-tls-775b9fkm47" → "grid-tls" (only for a Secret the overlay renders).
    private static string BaseName(RenderedOverlay o, string name)
        => o.Find("Secret", name) is not null && HashSuffix().Match(name) is { Success: true } m ? name[..m.Index] : name;

    private static EnvVar Variable(RenderedOverlay o, string name)
        => o.Environment.TryGetValue(name, out var variable) ? variable : throw new Xunit.Sdk.XunitException($"overlay {o.Name}: the silo container has no {name}");

    private static string Sha256(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    [GeneratedRegex("^Grid__Security__Keys__(?<index>[0-9]+)__(?<field>Id|Sha256|Role|Accounts__[0-9]+)$")]
    private static partial Regex KeyVariable();

    [GeneratedRegex("-[a-z0-9]{10}$")]
    private static partial Regex HashSuffix();
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Grid.Host.Tests.Kubernetes;

/// <summary>One environment variable of the silo container as the process will see it.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Value">Its value when the manifests fix it (literal, ConfigMap or Secret); null for the downward API and for Secrets the overlay does not render.</param>
/// <param name="Source">Where it comes from: "value", "configMap", "secret" or "fieldRef:&lt;path&gt;".</param>
internal sealed record EnvVar(string Name, string? Value, string Source);

/// <summary>A configuration entry the manifests hand to the host, with where it comes from.</summary>
internal sealed record ConfigEntry(string Key, string Value, string Origin);

/// <summary>An overlay rendered by kubectl kustomize, with the silo's view of it.</summary>
internal sealed class RenderedOverlay
{
    public const string SiloDeployment = "grid-silo";
    public const string SiloContainerName = "silo";

    private static readonly ConcurrentDictionary<string, Lazy<RenderedOverlay>> Cache = new();

    private RenderedOverlay(string name, IReadOnlyList<JsonElement> objects)
    {
        Name = name;
        Objects = objects;
        Environment = ResolveEnvironment();
        ConfigEntries = CollectConfigEntries();
    }

    public string Name { get; }

    public IReadOnlyList<JsonElement> Objects { get; }

    /// <summary>The silo container's environment: envFrom first, then env (which wins).</summary>
    public IReadOnlyDictionary<string, EnvVar> Environment { get; }

    /// <summary>Every configuration entry the manifests give the host (mounted appsettings, then environment).</summary>
    public IReadOnlyList<ConfigEntry> ConfigEntries { get; }

    public JsonElement Silo => Single("Deployment", SiloDeployment);

    public JsonElement PodSpec => Silo.At("spec", "template", "spec");

    public IReadOnlyDictionary<string, string> PodLabels => Silo.Map("spec", "template", "metadata", "labels");

    public JsonElement SiloContainer => PodSpec.Items("containers").Single(c => c.Text("name") == SiloContainerName);

    public static RenderedOverlay Get(string name)
        => Cache.GetOrAdd(name, n => new Lazy<RenderedOverlay>(() => new RenderedOverlay(n, Kubectl.Render(Repo.PathOf($"k8s/overlays/{n}"))))).Value;

    public IEnumerable<JsonElement> OfKind(string kind) => Objects.Where(o => o.TextOrNull("kind") == kind);

    public JsonElement? Find(string kind, string name) => OfKind(kind).Where(o => o.TextOrNull("metadata", "name") == name).Cast<JsonElement?>().SingleOrDefault();

    public JsonElement Single(string kind, string name)
        => Find(kind, name) ?? throw new KeyNotFoundException($"overlay {Name} renders no {kind} named {name}");

    public static string? Namespace(JsonElement o) => o.TextOrNull("metadata", "namespace");

    public IReadOnlyDictionary<string, string> ConfigMapData(string name) => Single("ConfigMap", name).Map("data");

    public IReadOnlyDictionary<string, string> SecretData(string name)
    {
        var secret = Single("Secret", name);
        var data = secret.Map("data").ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(Convert.FromBase64String(p.Value)));
        foreach (var (key, value) in secret.Map("stringData"))
        {
            data[key] = value;
        }

        return data;
    }

    /// <summary>The container port a probe or Service names (by name or by number).</summary>
    public int ContainerPort(JsonElement port)
    {
        if (port.ValueKind == JsonValueKind.Number)
        {
            return port.GetInt32();
        }

        var name = port.GetString()!;
        var match = SiloContainer.Items("ports").Where(p => p.TextOrNull("name") == name).ToList();
        return match.Count == 1 ? match[0].At("containerPort").GetInt32() : throw new KeyNotFoundException($"silo container has no port named {name}");
    }

    /// <summary>The configuration the host ends up with: its own appsettings.json, overridden by the manifests.</summary>
    public IReadOnlyDictionary<string, string> EffectiveConfiguration()
    {
        var configuration = new Dictionary<string, string>(HostSource.AppSettings, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in ConfigEntries)
        {
            configuration[entry.Key] = entry.Value;
        }

        return configuration;
    }

    /// <summary>The value the host binds for a key, e.g. "Grid:Host:HttpPort".</summary>
    public string Setting(string key)
        => EffectiveConfiguration().TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"overlay {Name}: nothing sets {key}");

    /// <summary>The appsettings file mounted where the host's content root (the image's WORKDIR) reads it, if any.</summary>
    public (string MountPath, string ConfigMap, string Json)? MountedAppSettings()
    {
        var environmentName = Environment.TryGetValue("ASPNETCORE_ENVIRONMENT", out var e) && e.Value is { Length: > 0 } ? e.Value : "Production";
        var path = $"{DockerfileFacts.RuntimeWorkDir.TrimEnd('/')}/appsettings.{environmentName}.json";
        var mount = SiloContainer.Items("volumeMounts").SingleOrDefault(m => m.Text("mountPath") == path);
        if (mount.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        var volume = PodSpec.Items("volumes").Single(v => v.Text("name") == mount.Text("name"));
        var configMap = volume.Text("configMap", "name");
        var key = mount.TextOrNull("subPath") ?? throw new InvalidOperationException($"{path} must be mounted with subPath (a file, not a directory)");
        return (path, configMap, ConfigMapData(configMap)[key]);
    }

    private Dictionary<string, EnvVar> ResolveEnvironment()
    {
        var container = SiloContainer;
        var variables = new Dictionary<string, EnvVar>(StringComparer.Ordinal);
        foreach (var source in container.Items("envFrom"))
        {
            var prefix = source.TextOrNull("prefix") ?? "";
            if (source.Find("configMapRef") is { } configMap)
            {
                foreach (var (key, value) in ConfigMapData(configMap.Text("name")))
                {
                    variables[prefix + key] = new EnvVar(prefix + key, value, "configMap");
                }
            }
            else if (source.Find("secretRef") is { } secret)
            {
                // A Secret the overlay leaves to operators (prod: grid-api-keys): its variables are unknown here.
                if (Find("Secret", secret.Text("name")) is null)
                {
                    continue;
                }

                foreach (var (key, value) in SecretData(secret.Text("name")))
                {
                    variables[prefix + key] = new EnvVar(prefix + key, value, "secret");
                }
            }
        }

        foreach (var variable in container.Items("env"))
        {
            var name = variable.Text("name");
            variables[name] = variable.Find("valueFrom") is { } from ? FromReference(name, from) : new EnvVar(name, variable.TextOrNull("value") ?? "", "value");
        }

        return variables;
    }

    private EnvVar FromReference(string name, JsonElement from)
    {
        if (from.Find("fieldRef") is { } field)
        {
            return new EnvVar(name, null, "fieldRef:" + field.Text("fieldPath"));
        }

        if (from.Find("configMapKeyRef") is { } configMap)
        {
            return new EnvVar(name, ConfigMapData(configMap.Text("name"))[configMap.Text("key")], "configMap");
        }

        if (from.Find("secretKeyRef") is { } secret)
        {
            return Find("Secret", secret.Text("name")) is null
                ? new EnvVar(name, null, "secret")
                : new EnvVar(name, SecretData(secret.Text("name"))[secret.Text("key")], "secret");
        }

        return new EnvVar(name, null, "unresolved:" + from.GetRawText());
    }

    private List<ConfigEntry> CollectConfigEntries()
    {
        var entries = new List<ConfigEntry>();
        if (MountedAppSettings() is { } file)
        {
            using var document = JsonDocument.Parse(file.Json);
            foreach (var (key, value) in HostSource.Flatten(document.RootElement))
            {
                entries.Add(new ConfigEntry(key, value, $"{file.MountPath} (ConfigMap {file.ConfigMap})"));
            }
        }

        // .NET's environment configuration provider: every variable, "__" for ":".
        foreach (var variable in Environment.Values.Where(v => v.Value is not null))
        {
            entries.Add(new ConfigEntry(variable.Name.Replace("__", ":", StringComparison.Ordinal), variable.Value!, $"env {variable.Name} ({variable.Source})"));
        }

        return entries;
    }
}

using System.Text.Json;

namespace Grid.Host.Tests.Kubernetes;

/// <summary>What the host itself declares: its shipped appsettings.json and the source that maps its endpoints.</summary>
internal static class HostSource
{
    public const string AppSettingsPath = "src/Grid.Host/appsettings.json";
    public const string EndpointsPath = "src/Grid.Host/Hosting/GridHostBuilderExtensions.cs";
    public const string RulebookPath = "src/Grid.Risk/Rulebooks/default-rulebook.json";

    /// <summary>src/Grid.Host/appsettings.json as configuration keys ("Grid:Host:HttpPort" → "5001").</summary>
    public static IReadOnlyDictionary<string, string> AppSettings { get; } = Load();

    /// <summary>Flattens JSON the way .NET's JSON configuration provider does.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Flatten(JsonElement element, string prefix = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var entry in Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}"))
                    {
                        yield return entry;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var entry in Flatten(item, $"{prefix}:{index++}"))
                    {
                        yield return entry;
                    }
                }

                break;
            case JsonValueKind.Null:
                yield return new(prefix, "");
                break;
            case JsonValueKind.String:
                yield return new(prefix, element.GetString()!);
                break;
            default:
                yield return new(prefix, element.GetRawText());
                break;
        }
    }

    private static Dictionary<string, string> Load()
    {
        using var document = JsonDocument.Parse(Repo.Read(AppSettingsPath));
        return new Dictionary<string, string>(Flatten(document.RootElement), StringComparer.OrdinalIgnoreCase);
    }
}

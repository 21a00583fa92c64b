using System.Text.Json;

namespace Grid.Host.Tests.Kubernetes;

/// <summary>Reading rendered manifests: property paths, string maps, arrays that may be absent.</summary>
internal static class JsonNavigation
{
    /// <summary>The value at the path; fails with the path when a step is missing.</summary>
    public static JsonElement At(this JsonElement element, params string[] path)
        => element.Find(path) ?? throw new KeyNotFoundException($"no {string.Join('.', path)} in {Describe(element)}");

    /// <summary>The value at the path, or null when a step is missing.</summary>
    public static JsonElement? Find(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var step in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string Text(this JsonElement element, params string[] path)
    {
        var value = element.At(path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }

    public static string? TextOrNull(this JsonElement element, params string[] path)
        => element.Find(path) is { } value ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null;

    public static bool? Flag(this JsonElement element, params string[] path)
        => element.Find(path) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>The array at the path, empty when absent.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, params string[] path)
        => element.Find(path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>A string-to-string object such as labels or ConfigMap data; empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> Map(this JsonElement element, params string[] path)
        => element.Find(path) is { ValueKind: JsonValueKind.Object } map
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
            : new Dictionary<string, string>();

    public static string Describe(JsonElement element)
        => element.Find("kind") is { } kind ? $"{kind.GetString()}/{element.TextOrNull("metadata", "name")}" : "(value)";
}

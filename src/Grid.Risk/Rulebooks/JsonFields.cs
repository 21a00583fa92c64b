using System.Globalization;
using System.Text.Json;

namespace Grid.Risk.Rulebooks;

/// <summary>Typed reads of JSON fields that report the failing path (shared by the rulebook and case readers).</summary>
internal static class JsonFields
{
    public static JsonElement Required(JsonElement obj, string name, string path)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new RulebookException(path, "expected an object");
        }

        return obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v
            : throw new RulebookException(Join(path, name), "is required");
    }

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    public static double Number(JsonElement v, string path)
    {
        double d;
        if (v.ValueKind == JsonValueKind.Number)
        {
            d = v.GetDouble();
        }
        else if (v.ValueKind == JsonValueKind.String && string.Equals(v.GetString(), "inf", StringComparison.OrdinalIgnoreCase))
        {
            return double.PositiveInfinity;
        }
        else if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d))
        {
        }
        else
        {
            throw new RulebookException(path, $"expected a number, got {v.ValueKind}");
        }

        return double.IsNaN(d) ? throw new RulebookException(path, "is NaN") : d;
    }

    public static double Number(JsonElement obj, string name, string path, double fallback)
        => TryGet(obj, name, out var v) ? Number(v, Join(path, name)) : fallback;

    public static double RequiredNumber(JsonElement obj, string name, string path)
        => Number(Required(obj, name, path), Join(path, name));

    public static string Text(JsonElement v, string path)
        => v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw new RulebookException(path, "expected a non-empty string");

    public static string? OptionalText(JsonElement obj, string name, string path)
        => TryGet(obj, name, out var v) ? Text(v, Join(path, name)) : null;

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int i) => $"{path}[{i}]";
}

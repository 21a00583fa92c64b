using System.Text.Json;
using Grid.Abstractions.Market;
using Grid.Gateway.Conversion;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Admin;

/// <summary>
/// Rulebook summaries on the wire. The grain view carries the JSON but not the group and asset
/// names, so they are read from the document's top-level "groups" and "assets" objects.
/// </summary>
internal static class RulebookMessages
{
    /// <summary>The summary; <paramref name="dryRun"/> leaves loaded_at unset as admin.proto says.</summary>
    public static Wire.RulebookInfo ToWire(RulebookInfo info, bool dryRun)
    {
        var wire = new Wire.RulebookInfo
        {
            Version = info.Version,
            LoadedAt = dryRun ? null : WireTime.FromOptional(info.LoadedAt),
            Unchanged = info.Unchanged,
        };
        var (groups, assets) = Names(info.Json);
        wire.Groups.Add(groups);
        wire.Assets.Add(assets);
        return wire;
    }

    /// <summary>The rulebook shipped inside the engine, in force until one is loaded; never loaded, so no load instant.</summary>
    public static RulebookInfo ShippedDefault()
    {
        using var stream = typeof(Grid.Risk.Rulebooks.Rulebook).Assembly.GetManifestResourceStream("Grid.Risk.default-rulebook.json")!;
        using var reader = new StreamReader(stream);
        return new RulebookInfo { Version = Grid.Risk.Rulebooks.Rulebook.Default.Version, Json = reader.ReadToEnd() };
    }

    /// <summary>Sorted keys of "groups" and "assets"; empty when the document has no such objects.</summary>
    public static (string[] Groups, string[] Assets) Names(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? (Keys(root, "groups"), Keys(root, "assets")) : ([], []);
        }
        catch (JsonException)
        {
            return ([], []);
        }
    }

    private static string[] Keys(JsonElement root, string name)
        => root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
            ? [.. section.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)]
            : [];
}

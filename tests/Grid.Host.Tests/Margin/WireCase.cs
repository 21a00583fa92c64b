using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grid.Host.Tests.Margin;

/// <summary>
/// One development case as the simulator is sent it over the wire: the line of dev-cases.jsonl unchanged but
/// for its rulebook's "stress" block, which carries the case's scenarios from dev-stress.jsonl (Rulebook §5.1),
/// with the expected figures of both files.
/// </summary>
public sealed class WireCase
{
    private static readonly Lazy<IReadOnlyDictionary<string, WireCase>> All = new(Load);

    private WireCase(string line, JsonElement stress)
    {
        var root = JsonNode.Parse(line)!;
        Id = root["id"]!.GetValue<string>();
        Category = root["category"]!.GetValue<string>();
        root["input"]!["rulebook"]!["stress"] = new JsonObject
        {
            ["guaranteeFund"] = 0,
            ["scenarios"] = JsonNode.Parse(stress.GetProperty("scenarios").GetRawText()),
        };
        Document = root.ToJsonString();
        using var doc = JsonDocument.Parse(line);
        Expected = doc.RootElement.GetProperty("expected").Clone();
        ExpectedStress = stress.GetProperty("expected").Clone();
    }

    public string Id { get; }

    public string Category { get; }

    /// <summary>The portfolio document sent as document_json.</summary>
    public string Document { get; }

    /// <summary>The case's expected figures (eval, pretrade, maxOrderSize, siloed).</summary>
    public JsonElement Expected { get; }

    /// <summary>The stress case's expected lines, one per scenario.</summary>
    public JsonElement ExpectedStress { get; }

    public static IEnumerable<object[]> Ids => All.Value.Keys.Order(StringComparer.Ordinal).Select(id => new object[] { id });

    public static WireCase Get(string id) => All.Value[id];

    /// <summary>The first case of a category (for tests that need a portfolio of a kind).</summary>
    public static WireCase First(string category) => All.Value.Values.OrderBy(c => c.Id, StringComparer.Ordinal).First(c => c.Category == category);

    public override string ToString() => Id;

    private static Dictionary<string, WireCase> Load()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Cases");
        var stress = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(dir, "dev-stress.jsonl")).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            stress[doc.RootElement.GetProperty("id").GetString()!] = doc.RootElement.Clone();
        }

        return File.ReadLines(Path.Combine(dir, "dev-cases.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l =>
            {
                using var doc = JsonDocument.Parse(l);
                return new WireCase(l, stress[doc.RootElement.GetProperty("id").GetString()!]);
            })
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
    }
}

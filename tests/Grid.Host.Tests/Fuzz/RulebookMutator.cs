using System.Text.Json.Nodes;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Hostile rulebooks for Admin.LoadRulebook (and, from another original, hostile portfolio documents for
/// Margin.Simulate): the loaded rulebook with its version renamed (from a small
/// set, so "version already loaded with other content" is reached) and one to three edits at random
/// JSON paths (numbers swapped for NaN, infinities, 1e400, negatives, huge integers, strings, nulls;
/// keys dropped or renamed; arrays emptied), plus truncated, deeply nested and non-JSON documents.
/// </summary>
internal sealed class RulebookMutator(Random random, string original)
{
    private const string Raw = "__fzraw__";

    private static readonly string[] RawTokens =
    [
        "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "-0", "-0.0", "0", "-1", "1e308", "123456789012345678901234567890",
        "0.0000000000000000000000001", "\"inf\"", "\"-inf\"", "\"NaN\"", "\"1e400\"", "\"abc\"", "\"\"", "null", "true", "[]", "{}", "[[[]]]",
        "[\"inf\", \"inf\"]", "[1e400, 0.5]", "[-1, 2]", "9223372036854775808", "\"\\u0000\"",
    ];

    private static readonly string[] Documents =
    [
        "{}", "[]", "null", "0", "\"\"", "{\"version\":", "{\"version\": null}", "{\"version\": \"fz-x\"}", "{\"version\": \"fz-x\", \"assets\": {}, \"groups\": {}}",
        "\ufeff{}", "{\"version\":\"fz-dup\",\"version\":\"fz-dup2\"}", "{/* comment */}", "{'version': 'fz'}",
    ];

    /// <summary>The next hostile rulebook document.</summary>
    public string Next()
    {
        var roll = random.Next(100);
        if (roll < 8)
        {
            return original;
        }

        if (roll < 20)
        {
            return original[..random.Next(original.Length)];
        }

        if (roll < 24)
        {
            var depth = random.Next(2) == 0 ? 70 : 5_000;
            return new string('[', depth) + new string(']', depth);
        }

        if (roll < 30)
        {
            return Documents[random.Next(Documents.Length)];
        }

        return Edited();
    }

    private string Edited()
    {
        // Also edits other documents (Margin.Simulate's portfolios and their parts, which may be arrays).
        var root = JsonNode.Parse(original)!;
        if (root is JsonObject book && book.ContainsKey("version") && random.Next(5) > 0)
        {
            book["version"] = $"fz-{random.Next(40)}";
        }

        var raw = new List<string>();
        var edits = 1 + random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            Edit(nodes[random.Next(nodes.Count)], raw);
        }

        var text = root.ToJsonString();
        for (var i = 0; i < raw.Count; i++)
        {
            text = text.Replace($"\"{Raw}{i}\"", raw[i], StringComparison.Ordinal);
        }

        return text;
    }

    private void Edit(JsonNode node, List<string> raw)
    {
        var parent = node.Parent;
        switch (random.Next(6))
        {
            case 0 when parent is JsonObject o:
                o.Remove(node.GetPropertyName());
                break;
            case 1 when parent is JsonObject o:
                var name = node.GetPropertyName();
                o.Remove(name);
                o[name + "x"] = node;
                break;
            case 2 when node is JsonArray a:
                a.Clear();
                break;
            case 3 when node is JsonObject o:
                o["fz_unknown"] = random.Next();
                break;
            default:
                if (parent is null)
                {
                    return;
                }

                raw.Add(RawTokens[random.Next(RawTokens.Length)]);
                node.ReplaceWith(JsonValue.Create($"{Raw}{raw.Count - 1}"));
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }

        into.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToList())
                {
                    Collect(child, into);
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    Collect(child, into);
                }

                break;
        }
    }
}

using System.Text.Json.Nodes;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Portfolio documents for Margin.Simulate's JSON fields: the development cases (a whole line for
/// document_json, its market or instruments for market_json and instruments_json), which a
/// <see cref="RulebookMutator"/> then edits at random JSON paths, so hostile documents reach past the parser.
/// </summary>
internal static class FuzzDocuments
{
    private static readonly Lazy<string[]> Lines = new(() => [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Cases", "dev-cases.jsonl")).Where(l => l.Length > 0)]);

    /// <summary>True for the string fields that carry a document.</summary>
    public static bool Carries(string field) => field is "document_json" or "market_json" or "instruments_json";

    /// <summary>A document for <paramref name="field"/>: a case, or one of its parts.</summary>
    public static string For(string field, Random random)
    {
        var line = Lines.Value[random.Next(Lines.Value.Length)];
        return field switch
        {
            "market_json" => JsonNode.Parse(line)!["input"]!["market"]!.ToJsonString(),
            "instruments_json" => JsonNode.Parse(line)!["input"]!["instruments"]!.ToJsonString(),
            _ => line,
        };
    }
}

using System.Text.Json;

namespace Grid.LoadTest.Reporting;

/// <summary>Writes the JSON and Markdown files of a run into the output folder.</summary>
public static class ReportFiles
{
    /// <summary>Writes <c>{label}-{utc time}.json</c> and <c>.md</c>; returns their paths.</summary>
    public static (string Json, string Markdown) Write(RunReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{Safe(report.Label)}-{report.StartedAt:yyyyMMdd-HHmmss}");
        var json = stem + ".json";
        var markdown = stem + ".md";
        File.WriteAllText(json, JsonSerializer.Serialize(report, ReportJsonContext.Default.RunReport));
        File.WriteAllText(markdown, MarkdownReport.Render(report));
        return (json, markdown);
    }

    private static string Safe(string label) => string.Concat(label.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}

using System.Text;

namespace Grid.LoadTest.Reporting;

/// <summary>The report as Markdown: the command, the machine, the settings, the table and the details.</summary>
public static class MarkdownReport
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Load test: {report.Label}").AppendLine();
        md.AppendLine($"- started: {report.StartedAt:u}");
        md.AppendLine($"- machine: {report.Machine}");
        md.AppendLine($"- command: `{report.Command}`");
        foreach (var (key, value) in report.Settings)
        {
            md.AppendLine($"- {key}: {value}");
        }

        md.AppendLine().AppendLine($"| {string.Join(" | ", ResultTable.Header)} |");
        md.AppendLine($"|{string.Concat(ResultTable.Header.Select((_, i) => i < 2 ? "---|" : "---:|"))}");
        foreach (var row in ResultTable.Rows(report))
        {
            md.AppendLine($"| {string.Join(" | ", row)} |");
        }

        md.AppendLine();
        foreach (var line in ResultTable.Details(report))
        {
            md.AppendLine($"- {line}");
        }

        return md.ToString();
    }
}

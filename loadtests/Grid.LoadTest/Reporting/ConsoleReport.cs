namespace Grid.LoadTest.Reporting;

/// <summary>Prints the result table with aligned columns, then the details.</summary>
public static class ConsoleReport
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static void Write(RunReport report, TextWriter output)
    {
        var rows = ResultTable.Rows(report);
        var widths = ResultTable.Header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine();
        output.WriteLine($"== results: {report.Label}");
        Line(ResultTable.Header);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        rows.ForEach(Line);
        output.WriteLine();
        ResultTable.Details(report).ForEach(output.WriteLine);

        void Line(string[] cells) => output.WriteLine(string.Join("  ", cells.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
    }
}

namespace Grid.Cli.Text;

/// <summary>
/// A plain aligned text table: one header line, then one line per row, columns two spaces apart,
/// no trailing spaces. Figures align right so decimal points of equal precision line up.
/// </summary>
internal sealed class Table
{
    private const string Gap = "  ";

    private readonly TableColumn[] _columns;
    private readonly List<string[]> _rows = [];

    /// <summary>A table with these columns.</summary>
    public Table(params TableColumn[] columns)
    {
        if (columns.Length == 0)
        {
            throw new ArgumentException("a table needs at least one column", nameof(columns));
        }

        _columns = columns;
    }

    /// <summary>A headerless block of labels and right-aligned values: "equity   12,345.00".</summary>
    public static Table Pairs(string indent = "") =>
        new(TableColumn.Left("label"), TableColumn.Right("value")) { ShowHeader = false, Indent = indent };

    /// <summary>False to leave the header line out (label and value blocks).</summary>
    public bool ShowHeader { get; init; } = true;

    /// <summary>Text written before every line, e.g. two spaces for a nested table.</summary>
    public string Indent { get; init; } = "";

    /// <summary>Rows added so far.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a row; it must have one cell per column.</summary>
    public Table Add(params string[] cells)
    {
        if (cells.Length != _columns.Length)
        {
            throw new ArgumentException($"expected {_columns.Length} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>Writes the table.</summary>
    public void WriteTo(TextWriter writer)
    {
        var widths = new int[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            widths[c] = ShowHeader ? _columns[c].Header.Length : 0;
            foreach (var row in _rows)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        if (ShowHeader)
        {
            WriteLine(writer, _columns.Select(c => c.Header).ToArray(), widths);
        }

        foreach (var row in _rows)
        {
            WriteLine(writer, row, widths);
        }
    }

    /// <summary>The table as text, one line per row, each ending in a newline.</summary>
    public override string ToString()
    {
        using var writer = new StringWriter { NewLine = "\n" };
        WriteTo(writer);
        return writer.ToString();
    }

    private void WriteLine(TextWriter writer, string[] cells, int[] widths)
    {
        var parts = new string[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            parts[c] = _columns[c].AlignRight ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]);
        }

        writer.WriteLine((Indent + string.Join(Gap, parts)).TrimEnd());
    }
}

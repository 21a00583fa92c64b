using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary>
/// Positions from a CSV file for <c>grid simulate</c>. The first line that is neither blank nor a comment
/// (<c>#</c>) names the columns, in any order: <c>instrument</c> and <c>qty</c> (signed contracts) are
/// required, <c>entry</c> (average entry price) and <c>funding</c> (unsettled funding) optional; an empty
/// cell leaves a figure unset. Cells are separated by commas, unquoted; numbers are written with a dot.
/// </summary>
internal static class PositionsCsv
{
    /// <summary>The columns, for help and errors.</summary>
    public const string Columns = "instrument,qty[,entry][,funding]";

    public static List<SimulatedPosition> Read(string text, string file)
    {
        var positions = new List<SimulatedPosition>();
        string[]? header = null;
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            var at = $"{file} line {n + 1}";
            if (header is null)
            {
                header = Header(cells, at);
                continue;
            }

            if (cells.Length != header.Length)
            {
                throw new UsageException($"{at}: {cells.Length} cells, the header names {header.Length} ({string.Join(",", header)})");
            }

            var position = new SimulatedPosition();
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = cells[c];
                var name = $"{at}, column {header[c]}";
                switch (header[c])
                {
                    case "instrument":
                        position.InstrumentId = ArgumentValue.Text(cell, name);
                        break;
                    case "qty":
                        position.Qty = DecimalText.ToProto(ArgumentValue.Number(ArgumentValue.Text(cell, name), name));
                        break;
                    case "entry" when cell.Length > 0:
                        position.EntryPrice = DecimalText.ToProto(ArgumentValue.Number(cell, name));
                        break;
                    case "funding" when cell.Length > 0:
                        position.Funding = DecimalText.ToProto(ArgumentValue.Number(cell, name));
                        break;
                }
            }

            positions.Add(position);
        }

        return header is null ? throw new UsageException($"{file}: no header line ({Columns})") : positions;
    }

    private static string[] Header(string[] cells, string at)
    {
        var names = cells.Select(c => c.ToLowerInvariant() switch
        {
            "instrument" or "instrument_id" => "instrument",
            "qty" => "qty",
            "entry" or "entry_price" => "entry",
            "funding" => "funding",
            var other => throw new UsageException($"{at}: unknown column '{other}' (expected {Columns})"),
        }).ToArray();
        foreach (var required in (string[])["instrument", "qty"])
        {
            if (!names.Contains(required))
            {
                throw new UsageException($"{at}: the header has no '{required}' column (expected {Columns})");
            }
        }

        return names.Distinct().Count() == names.Length ? names : throw new UsageException($"{at}: a column is named twice");
    }
}

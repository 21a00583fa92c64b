namespace Grid.Cli.Text;

/// <summary>A column of a <see cref="Table"/>: its header and whether cells align right (figures).</summary>
internal sealed record TableColumn(string Header, bool AlignRight)
{
    /// <summary>A left-aligned text column.</summary>
    public static TableColumn Left(string header) => new(header, false);

    /// <summary>A right-aligned figure column.</summary>
    public static TableColumn Right(string header) => new(header, true);
}

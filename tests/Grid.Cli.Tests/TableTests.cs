using Grid.Cli.Text;

namespace Grid.Cli.Tests;

/// <summary>Tables align text left and figures right, two spaces apart, without trailing spaces.</summary>
public sealed class TableTests
{
    [Fact]
    public void Write_MixedColumns_AlignsAndTrims()
    {
        var table = new Table(TableColumn.Left("asset"), TableColumn.Right("balance"), TableColumn.Left("note"))
            .Add("BTC", "1.5", "")
            .Add("USDT", "100,000.00", "stable");

        Assert.Equal(
            "asset     balance  note\n" +
            "BTC           1.5\n" +
            "USDT   100,000.00  stable\n",
            table.ToString());
    }

    [Fact]
    public void Write_NoRows_PrintsTheHeader()
    {
        Assert.Equal("id  mark\n", new Table(TableColumn.Left("id"), TableColumn.Right("mark")).ToString());
    }

    [Fact]
    public void Pairs_HideTheHeaderAndIndent()
    {
        var table = Table.Pairs("  ").Add("equity", "1,000.00").Add("IM", "12.50");

        Assert.Equal("  equity  1,000.00\n  IM         12.50\n", table.ToString());
    }

    [Fact]
    public void Add_WrongCellCount_Throws()
    {
        var table = new Table(TableColumn.Left("a"), TableColumn.Left("b"));

        Assert.Throws<ArgumentException>(() => table.Add("only one"));
    }

    [Fact]
    public void Create_NoColumns_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Table());
    }
}

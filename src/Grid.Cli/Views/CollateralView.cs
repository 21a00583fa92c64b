using Google.Protobuf.Collections;
using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>Balances per asset and what they count for (<see cref="CollateralLine"/>).</summary>
internal static class CollateralView
{
    /// <summary>Writes asset, balance in asset units and value in USD after haircuts.</summary>
    public static void Write(RepeatedField<CollateralLine> lines, TextWriter writer)
    {
        var table = new Table(TableColumn.Left("asset"), TableColumn.Right("balance"), TableColumn.Right("value USD"));
        foreach (var line in lines)
        {
            table.Add(line.Asset, DecimalText.Plain(line.Balance), DecimalText.Money(line.Value));
        }

        table.WriteTo(writer);
    }
}

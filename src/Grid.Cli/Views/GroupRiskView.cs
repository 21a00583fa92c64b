using Google.Protobuf.Collections;
using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>The per-group requirement table of a <see cref="BuyingPower"/>, and its STD lines.</summary>
internal static class GroupRiskView
{
    /// <summary>Writes one line per group, then the STD requirement lines if any group has them.</summary>
    public static void Write(RepeatedField<GroupRisk> groups, TextWriter writer)
    {
        var std = groups.Any(g => g.GroupMm is not null);
        var columns = new List<TableColumn>
        {
            TableColumn.Left("group"), TableColumn.Left("side"), TableColumn.Right("scan"), TableColumn.Left("worst scenario"),
            TableColumn.Right("basis"), TableColumn.Right("SOM"), TableColumn.Right("concentration"), TableColumn.Right("delta"),
            TableColumn.Right("group IM"), TableColumn.Right("credit"),
        };
        if (std)
        {
            columns.Add(TableColumn.Right("group MM"));
        }

        var table = new Table([.. columns]);
        foreach (var g in groups)
        {
            var cells = new List<string>
            {
                g.Group, EnumText.Format(g.Side), DecimalText.Money(g.Scan), Scenario(g.WorstScenario),
                DecimalText.Money(g.Basis), DecimalText.Money(g.ShortOptionMinimum), DecimalText.Money(g.Concentration),
                DecimalText.Money(g.Delta), DecimalText.Money(g.GroupIm), DecimalText.Money(g.Credit),
            };
            if (std)
            {
                cells.Add(DecimalText.Money(g.GroupMm));
            }

            table.Add([.. cells]);
        }

        table.WriteTo(writer);
        if (groups.Any(g => g.StdLines.Count > 0))
        {
            writer.WriteLine();
            WriteStdLines(groups, writer);
        }
    }

    /// <summary>"#3 -16% up", with " x0.3" when the scenario's weight is not 1; "-" when unset.</summary>
    public static string Scenario(Scenario? scenario)
    {
        if (scenario is null)
        {
            return DecimalText.Unset;
        }

        var shock = scenario.Shock is null ? 0m : DecimalText.FromProto(scenario.Shock) * 100m;
        var text = $"#{scenario.Index} {(shock > 0m ? "+" : "")}{DecimalText.Plain(shock)}% {EnumText.Format(scenario.VolState).ToLowerInvariant()}";
        var weight = scenario.Weight is null ? 1m : DecimalText.FromProto(scenario.Weight);
        return weight == 1m ? text : $"{text} x{DecimalText.Plain(weight)}";
    }

    private static void WriteStdLines(RepeatedField<GroupRisk> groups, TextWriter writer)
    {
        var table = new Table(
            TableColumn.Left("group"), TableColumn.Left("holding"), TableColumn.Right("qty"), TableColumn.Right("IM"),
            TableColumn.Right("MM"), TableColumn.Left("rule"), TableColumn.Left("paired with"));
        foreach (var g in groups)
        {
            foreach (var line in g.StdLines)
            {
                table.Add(
                    g.Group, line.Holding, DecimalText.Plain(line.Qty), DecimalText.Money(line.InitialMargin),
                    DecimalText.Money(line.MaintenanceMargin), line.Rule, line.PairedWith.Length > 0 ? line.PairedWith : DecimalText.Unset);
            }
        }

        table.WriteTo(writer);
    }
}

using System.Globalization;
using System.Text;

namespace Grid.HopBudget;

/// <summary>The per-hop budget as Markdown: CPU µs and allocated bytes per message, exclusive shares first.</summary>
public static class BudgetTable
{
    /// <summary>Renders the table; <paramref name="cpuUsPerMessage"/> and <paramref name="bytesPerMessage"/> scale the shares.</summary>
    public static string Render(HopTally cpu, double cpuUsPerMessage, HopTally alloc, double bytesPerMessage)
    {
        var md = new StringBuilder();
        md.AppendLine("| hop | CPU share | CPU µs/msg | CPU incl. share | alloc B/msg | alloc share |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        for (var h = 0; h < HopRules.Hops.Length; h++)
        {
            Row(md, HopRules.Hops[h].Name, Share(cpu.Exclusive(h), cpu.Total), cpuUsPerMessage, Share(cpu.Inclusive(h), cpu.Total), Share(alloc.Exclusive(h), alloc.Total), bytesPerMessage);
        }

        Row(md, "unclassified", Share(cpu.Unclassified, cpu.Total), cpuUsPerMessage, double.NaN, Share(alloc.Unclassified, alloc.Total), bytesPerMessage);
        md.AppendLine(Inv($"| **total** | 100 % | **{cpuUsPerMessage:0.0}** | | **{bytesPerMessage:0}** | 100 % |"));
        for (var d = 0; d < HopRules.Details.Length; d++)
        {
            var c = Share(cpu.Detail(d), cpu.Total);
            var a = Share(alloc.Detail(d), alloc.Total);
            md.AppendLine(Inv($"| {HopRules.Details[d].Name.Trim()} | | {c * cpuUsPerMessage:0.0} | {c:0.0 %} | {a * bytesPerMessage:0} | {a:0.0 %} |"));
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, double cpuShare, double cpuUs, double inclusive, double allocShare, double bytes)
        => md.AppendLine(Inv($"| {name} | {cpuShare:0.0 %} | {cpuShare * cpuUs:0.0} | {(double.IsNaN(inclusive) ? "" : inclusive.ToString("0.0 %", CultureInfo.InvariantCulture))} | {allocShare * bytes:0} | {allocShare:0.0 %} |"));

    private static double Share(double part, double total) => total > 0 ? part / total : 0;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>Instruments with their market state (<see cref="InstrumentInfo"/>).</summary>
internal static class InstrumentView
{
    /// <summary>The list table: id, kind, group, mark, price age, halted.</summary>
    public static void WriteList(IEnumerable<InstrumentInfo> instruments, TextWriter writer)
    {
        var table = new Table(
            TableColumn.Left("id"), TableColumn.Left("kind"), TableColumn.Left("group"), TableColumn.Right("mark"),
            TableColumn.Right("price age"), TableColumn.Left("halted"));
        foreach (var info in instruments)
        {
            var spec = info.Spec ?? new InstrumentSpec();
            table.Add(spec.Id, EnumText.Format(spec.Kind), Or(spec.Group), DecimalText.Plain(info.Mark), TimeText.Age(info.PriceAge), Halted(info));
        }

        table.WriteTo(writer);
    }

    /// <summary>One instrument on one line, after a halt or resume.</summary>
    public static void WriteOne(InstrumentInfo info, TextWriter writer)
    {
        var spec = info.Spec ?? new InstrumentSpec();
        writer.WriteLine($"{spec.Id}: {(info.Halted ? "halted" : "trading")}{(info.Halted ? $" ({info.HaltReason})" : "")}, mark {DecimalText.Plain(info.Mark)}, price age {TimeText.Age(info.PriceAge)}");
    }

    private static string Halted(InstrumentInfo info) => info.Halted ? $"yes: {info.HaltReason}" : "no";

    private static string Or(string text) => text.Length > 0 ? text : DecimalText.Unset;
}

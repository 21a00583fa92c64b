using System.Globalization;
using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>A rulebook's impact on the house (Rulebook §5.5) as text: IM change, state transitions, largest increases, the guard.</summary>
internal static class RulebookImpactText
{
    public static void Write(RulebookImpact i, TextWriter writer)
    {
        writer.WriteLine($"impact of {i.CandidateVersion} over {i.CurrentVersion} ({i.Accounts.ToString("N0", CultureInfo.InvariantCulture)} accounts"
            + (i.Skipped > 0 ? $", {i.Skipped.ToString("N0", CultureInfo.InvariantCulture)} not evaluated" : "") + $", market as of {TimeText.Instant(i.MarketAsOf)}):");
        Table.Pairs("  ")
            .Add("house IM", $"{DecimalText.Money(i.InitialMarginBefore)} -> {DecimalText.Money(i.InitialMarginAfter)} ({Signed(i.InitialMarginChange)})")
            .Add("house positions-only IM", $"{DecimalText.Money(i.PositionsImBefore)} -> {DecimalText.Money(i.PositionsImAfter)} ("
                + (i.PositionsImIncrease is null ? "unbounded" : DecimalText.Plain(decimal.Round(DecimalText.FromProto(i.PositionsImIncrease) * 100, 2)) + "%") + ")")
            .WriteTo(writer);
        foreach (var t in i.Transitions)
        {
            writer.WriteLine($"  {t.Accounts.ToString("N0", CultureInfo.InvariantCulture)} account(s) {EnumText.Format(t.From)} -> {EnumText.Format(t.To)}");
        }

        if (i.LargestIncreases.Count > 0)
        {
            var table = new Table(TableColumn.Left("account"), TableColumn.Right("IM now"), TableColumn.Right("IM then"), TableColumn.Right("change"), TableColumn.Left("state")) { Indent = "  " };
            foreach (var a in i.LargestIncreases)
            {
                table.Add(a.AccountId, DecimalText.Money(a.InitialMarginBefore), DecimalText.Money(a.InitialMarginAfter), Signed(a.InitialMarginChange),
                    a.StateBefore == a.StateAfter ? EnumText.Format(a.StateAfter) : $"{EnumText.Format(a.StateBefore)} -> {EnumText.Format(a.StateAfter)}");
            }

            table.WriteTo(writer);
        }

        foreach (var b in i.Breaches)
        {
            writer.WriteLine($"  guard: {b.Message}" + (i.Forced ? " (forced)" : ""));
        }

        if (i.Breaches.Count == 0)
        {
            writer.WriteLine("  guard: within the thresholds of the rulebook in force");
        }
    }

    private static string Signed(Grid.Api.V1.Decimal? value)
        => value is null ? DecimalText.Money(value) : (DecimalText.FromProto(value) > 0 ? "+" : "") + DecimalText.Money(value);
}

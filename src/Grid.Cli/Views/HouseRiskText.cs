using System.Globalization;
using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>A house run as text: the run, one row per scenario, the worst scenario's top accounts, the cross-margin dependency.</summary>
internal static class HouseRiskText
{
    public static void Write(HouseRiskRun run, TextWriter writer, bool allTops)
    {
        Table.Pairs()
            .Add("rulebook", run.RulebookVersion)
            .Add("market as of", run.MarketAsOf == run.MarketAsOfLatest ? TimeText.Instant(run.MarketAsOf) : $"{TimeText.Instant(run.MarketAsOf)} .. {TimeText.Instant(run.MarketAsOfLatest)}")
            .Add("completed", $"{TimeText.Instant(run.CompletedAt)} ({EnumText.Format(run.Trigger)})")
            .Add("accounts", Count(run.Accounts) + (run.Skipped > 0 ? $" (+{Count(run.Skipped)} not valued)" : "") + (run.Duplicates > 0 ? $", {Count(run.Duplicates)} held by two silos counted once" : ""))
            .Add("silos", string.Join(", ", run.Silos.Select(s => $"{s.Silo}: {Count(s.Accounts)} in {s.Elapsed.ToTimeSpan().TotalMilliseconds:0} ms (stress {(s.StressElapsed ?? new Google.Protobuf.WellKnownTypes.Duration()).ToTimeSpan().TotalMilliseconds:0} ms)")))
            .Add("guarantee fund", DecimalText.Money(run.GuaranteeFund))
            .WriteTo(writer);
        writer.WriteLine();

        var table = new Table(
            TableColumn.Left("scenario"), TableColumn.Right("total P&L"), TableColumn.Right("total deficit"), TableColumn.Right("in deficit"),
            TableColumn.Right("Cover-1"), TableColumn.Right("Cover-2"), TableColumn.Right("fund / Cover-2"), TableColumn.Left(""));
        foreach (var s in run.Scenarios)
        {
            table.Add(
                s.Scenario, DecimalText.Money(s.TotalPnl), DecimalText.Money(s.TotalDeficit), Count(s.AccountsInDeficit), DecimalText.Money(s.Cover1),
                DecimalText.Money(s.Cover2), s.CoverageRatio is null ? "inf" : DecimalText.Plain(decimal.Round(DecimalText.FromProto(s.CoverageRatio), 4)),
                (s.Covered ? "" : "NOT COVERED ") + (s.Scenario == run.WorstScenario ? "worst" : ""));
        }

        table.WriteTo(writer);
        foreach (var s in run.Scenarios.Where(s => allTops || s.Scenario == run.WorstScenario))
        {
            writer.WriteLine();
            writer.WriteLine($"top accounts, {s.Scenario}:");
            var top = new Table(TableColumn.Left("account"), TableColumn.Right("equity"), TableColumn.Right("stressed equity"), TableColumn.Right("P&L"), TableColumn.Right("deficit")) { Indent = "  " };
            foreach (var a in s.TopAccounts)
            {
                top.Add(a.AccountId, DecimalText.Money(a.Equity), DecimalText.Money(a.StressedEquity), DecimalText.Money(a.Pnl), DecimalText.Money(a.Deficit));
            }

            top.WriteTo(writer);
        }

        writer.WriteLine();
        Dependency(run.Dependency, writer);
    }

    private static void Dependency(HouseDependency d, TextWriter writer)
    {
        writer.WriteLine("cross-margin dependency:");
        Table.Pairs("  ")
            .Add("siloed total", DecimalText.Money(d.SiloedTotal))
            .Add("cross total", DecimalText.Money(d.CrossTotal))
            .Add("saving", DecimalText.Money(d.Saving))
            .Add("IM", DecimalText.Money(d.InitialMargin))
            .Add("IM without credits", DecimalText.Money(d.InitialMarginWithoutCredits))
            .Add("accounts leaving OK without credits", Count(d.AccountsLeavingOk))
            .Add("margin they would be called for", DecimalText.Money(d.CalledMargin))
            .WriteTo(writer);
        if (d.Credits.Count > 0)
        {
            var pairs = new Table(TableColumn.Left("pair"), TableColumn.Right("credit"), TableColumn.Right("credit (positions)")) { Indent = "  " };
            foreach (var p in d.Credits)
            {
                pairs.Add($"{p.GroupA}/{p.GroupB}", DecimalText.Money(p.Credit), DecimalText.Money(p.CreditPositions));
            }

            pairs.WriteTo(writer);
        }

        foreach (var t in d.Transitions)
        {
            writer.WriteLine($"  without credits: {Count(t.Accounts)} account(s) {EnumText.Format(t.From)} -> {EnumText.Format(t.To)}");
        }
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace Grid.LoadTest.Chaos;

/// <summary>The chaos run's table, for the screen and the Markdown report (one row per run; chaos.sh stacks them).</summary>
public static class ChaosTable
{
    /// <summary>Column headings.</summary>
    public static readonly string[] Header =
    [
        "fault", "msgs/s", "msgs/s before", "lowest s after", "s < 50 %", "acknowledged", "lost", "applied twice", "unacked applied", "other",
        "uncertain", "recovery p50 s", "recovery max s", "never", "reconnects", "resent", "unavailable",
    ];

    /// <summary>The row of <paramref name="r"/>.</summary>
    public static string[] Row(ChaosResult r) =>
    [
        r.Fault, N(r.Throughput), N(r.Dip.Before), N(r.Dip.Lowest), N(r.Dip.SecondsBelowHalf), N(r.Acknowledged),
        N(r.Reconciliation.Lost), N(r.Reconciliation.AppliedTwice), N(r.Reconciliation.Unacknowledged), N(r.Reconciliation.Other + r.Reconciliation.Unread),
        N(r.Reconciliation.Uncertain), S(r.Recovery.P50), S(r.Recovery.Max), N(r.Recovery.Never), N(r.Sessions.Reconnects), N(r.Sessions.Resent), N(r.Sessions.Unavailable),
    ];

    /// <summary>Lines under the table: the injection, the per-second series, the findings.</summary>
    public static List<string> Details(ChaosResult r)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"fault: {r.Injected} at {r.FaultUtc:HH:mm:ss.fff} UTC (took {r.InjectionMs:0} ms)"),
            $"completed msgs/s per second, {r.Dip.BeforeSeconds} s before the fault | from the fault on: {r.Dip.Render()}",
            string.Create(CultureInfo.InvariantCulture, $"recovery: {r.Recovery.Accounts} accounts; the slowest: {string.Join(", ", r.RecoverySeconds.OrderByDescending(s => s.Value ?? double.MaxValue).Take(5).Select(s => $"{s.Key} {S(s.Value)}"))}; seconds below 90 % of the rate before: {r.Dip.SecondsBelow90}"),
            $"way back of the slowest (s from the fault: last UNAVAILABLE / accepted check sent / accepted): {string.Join("; ", r.RecoveryStages.OrderByDescending(s => s.Value.Accepted ?? double.MaxValue).Take(3).Select(s => $"{s.Key} {S(s.Value.LastUnavailable)} / {S(s.Value.AcceptedSent)} / {S(s.Value.Accepted)}"))}",
            $"machine load average (1, 5, 15 min) at the end of the measured window: {(r.LoadAverage.Length > 0 ? r.LoadAverage : "unknown")}",
            $"engines: {r.Sessions.Sent:N0} sent, {r.Sessions.Answered:N0} answered, {r.Sessions.Replayed:N0} replayed/duplicate replies to resends, {r.Sessions.Overloaded:N0} overloaded, {r.Sessions.Errors:N0} other errors",
        };
        if (r.OtherSilosStopped > 0)
        {
            lines.Add($"cluster: {r.OtherSilosStopped} silo(s) besides the fault's victim stopped during the run (evicted while alive; see the silo logs)");
        }

        lines.AddRange(r.Reconciliation.Notes.Select(n => "finding: " + n));
        if (r.Reconciliation.Clean)
        {
            lines.Add("reconciliation: every acknowledged change found exactly once in every account (positions, USD balance, reservations)");
        }

        return lines;
    }

    /// <summary>The run as Markdown.</summary>
    public static string Markdown(ChaosResult r)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Chaos run: {r.Label}").AppendLine();
        md.AppendLine($"- started: {r.StartedAt:u}");
        md.AppendLine($"- command: `{r.Command}`");
        foreach (var (key, value) in r.Settings)
        {
            md.AppendLine($"- {key}: {value}");
        }

        md.AppendLine().AppendLine($"| {string.Join(" | ", Header)} |");
        md.AppendLine($"|---|{string.Concat(Header.Skip(1).Select(_ => "---:|"))}");
        md.AppendLine($"| {string.Join(" | ", Row(r))} |").AppendLine();
        Details(r).ForEach(l => md.AppendLine($"- {l}"));
        return md.ToString();
    }

    /// <summary>Writes the table and details with aligned columns.</summary>
    public static void Write(ChaosResult r, TextWriter output)
    {
        var row = Row(r);
        var widths = Header.Select((h, i) => Math.Max(h.Length, row[i].Length)).ToArray();
        output.WriteLine();
        output.WriteLine($"== chaos: {r.Label}");
        output.WriteLine(string.Join("  ", Header.Select((h, i) => h.PadLeft(widths[i]))));
        output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadLeft(widths[i]))));
        output.WriteLine();
        Details(r).ForEach(output.WriteLine);
    }

    private static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string S(double? seconds) => seconds is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) : "never";
}

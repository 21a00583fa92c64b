using System.Globalization;

namespace Grid.LoadTest.Reporting;

/// <summary>The rows shared by the screen table and the Markdown report.</summary>
public static class ResultTable
{
    /// <summary>Column headings.</summary>
    public static readonly string[] Header =
        ["phase", "load", "msgs/s", "p50", "p90", "p99", "p99.9", "max", "send lag p99", "sent", "rejects", "faults", "CPU cores gen/server/other", "CPU µs/msg gen/server", "server B/msg"];

    /// <summary>One row per measured phase, then the core baseline.</summary>
    public static List<string[]> Rows(RunReport report)
    {
        var rows = new List<string[]>();
        foreach (var phase in new[] { report.Grid, report.Echo }.OfType<PhaseResult>())
        {
            if (phase.Error is not null)
            {
                rows.Add([phase.Name, phase.Load, "-", "-", "-", "-", "-", "-", "-", "-", "-", "not run", phase.Error, "", ""]);
                continue;
            }

            var l = phase.Latency;
            rows.Add(
            [
                phase.Name, phase.Load, Count(phase.Throughput), Ms(l.P50), Ms(l.P90), Ms(l.P99), Ms(l.P999), Ms(l.Max), Ms(phase.SendLag.P99),
                Count(phase.Sent), Count(phase.Rejects.Values.Sum()), Count(phase.Faults), Cpu(phase.Cpu), PerMessage(phase.Cpu, phase.Throughput),
                phase.ServerBytesPerMessage is { } bytes ? Count(bytes) : "",
            ]);
        }

        if (report.Core is { } core)
        {
            rows.Add(["core", "1 thread", Count(core.ChecksPerSecond), Ns(core.NanosPerCheck), "", "", "", "", "", Count(core.Checks), "", "", "", "", ""]);
        }

        return rows;
    }

    /// <summary>Ratios, reject reasons, error codes, realised mix and failures, as lines of text.</summary>
    public static List<string> Details(RunReport report)
    {
        var lines = new List<string>
        {
            $"grid/echo = {Ratio(report.GridOverEcho)}   grid/core = {Ratio(report.GridOverCore)}",
        };
        foreach (var phase in new[] { report.Grid, report.Echo }.OfType<PhaseResult>().Where(p => p.Error is null))
        {
            lines.Add($"{phase.Name}: mix {Join(phase.SentByKind)}; decisions {Join(phase.Decisions)}; acks {Count(phase.Acks)} ({Count(phase.AcksUnknownOrder)} for unknown orders)");
            lines.Add($"{phase.Name}: rejects {Join(phase.Rejects)}; errors {Join(phase.Errors)}; unanswered {Count(phase.Unanswered)}; server window {phase.ServerWindow}");
            lines.AddRange(phase.StreamFailures.Select(f => $"{phase.Name}: stream failed: {f}"));
            if (phase.Market is { } m)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{phase.Name}: market {m.BatchesPerSecond:0.#} batches/s: {Count(m.Published)} published ({m.UpdatesPerBatch:0.#} updates each), {Count(m.Acked)} acked, ack p50 {Ms(m.AckLatency.P50)} p99 {Ms(m.AckLatency.P99)} max {Ms(m.AckLatency.Max)}; refused {Count(m.Refused)} batches, {Count(m.RejectedUpdates)} updates{(m.Failure is null ? "" : $"; feed failed: {m.Failure}")}"));
            }
        }

        return lines;
    }

    private static string Join(IReadOnlyDictionary<string, long> counts)
        => counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} {Count(c.Value)}"));

    private static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(long micros) => (micros / 1000.0).ToString(micros < 10_000 ? "0.000" : "0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Ns(double nanos) => nanos.ToString("0", CultureInfo.InvariantCulture) + " ns/check";

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Cpu(CpuUse? cpu)
        => cpu is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{cpu.Generator:0.00}/{Opt(cpu.Server, "0.00")}/{Opt(cpu.Others, "0.00")} of {cpu.Cores}");

    private static string PerMessage(CpuUse? cpu, double throughput)
    {
        if (cpu is null)
        {
            return "";
        }

        var (generator, server) = cpu.MicrosPerMessage(throughput);
        return string.Create(CultureInfo.InvariantCulture, $"{generator:0.0}/{Opt(server, "0.0")}");
    }

    private static string Opt(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "?";
}

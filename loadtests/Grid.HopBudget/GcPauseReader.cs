using System.Globalization;
using Microsoft.Diagnostics.Tracing;

namespace Grid.HopBudget;

/// <summary>
/// Each GC of an EventPipe trace taken with the runtime's GC keyword (0x1, informational): when, which
/// generation, how long the runtime was suspended, what it promoted and through which roots. The open-loop
/// tail is these pauses; "older" is what long-lived state kept alive from the youngest generation.
/// </summary>
public static class GcPauseReader
{
    /// <summary>Prints a Markdown table of the trace's GCs and their totals.</summary>
    public static void Print(string tracePath, TextWriter output)
    {
        using var source = new EventPipeEventSource(tracePath);
        double suspendedAt = -1, olderMb = 0, stackMb = 0;
        var gen = -1;
        var reason = "";
        double promoted0 = 0, promoted1 = 0;
        double totalPause = 0, maxPause = 0;
        var count = 0;
        output.WriteLine("| at s | gen | reason | pause ms | promoted from gen0 / gen1 MB | marked through older gens MB | through stacks MB |");
        output.WriteLine("|---:|---:|---|---:|---|---:|---:|");
        source.Clr.GCSuspendEEStart += e => (suspendedAt, olderMb, stackMb) = (e.TimeStampRelativeMSec, 0, 0);
        source.Clr.GCStart += e => (gen, reason) = (e.Depth, e.Reason.ToString());
        source.Clr.GCMarkWithType += e =>
        {
            // Root kinds as the runtime numbers them: 0 stack, 3 older generation (the card table).
            if (e.Type == 3)
            {
                olderMb += e.Promoted / 1e6;
            }
            else if (e.Type == 0)
            {
                stackMb += e.Promoted / 1e6;
            }
        };
        source.Clr.GCHeapStats += e => (promoted0, promoted1) = (e.TotalPromotedSize0 / 1e6, e.TotalPromotedSize1 / 1e6);
        source.Clr.GCRestartEEStop += e =>
        {
            if (suspendedAt < 0 || gen < 0)
            {
                return;
            }

            var pause = e.TimeStampRelativeMSec - suspendedAt;
            totalPause += pause;
            maxPause = Math.Max(maxPause, pause);
            count++;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {suspendedAt / 1000:0.000} | {gen} | {reason} | {pause:0.0} | {promoted0:0.0} / {promoted1:0.0} | {olderMb:0.0} | {stackMb:0.00} |"));
            (suspendedAt, gen) = (-1, -1);
        };
        source.Process();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} GCs, suspended {totalPause:0} ms in all, longest {maxPause:0.0} ms"));
    }
}

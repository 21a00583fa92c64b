using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Grid.HopBudget;

/// <summary>
/// Reads an EventPipe trace of the host (dotnet-trace): GC AllocationTick events with their stacks go
/// into an allocation tally (weight = bytes the tick stands for), EventCounters of Grpc.AspNetCore.Server
/// and System.Runtime into <see cref="TraceCounters"/>, GC starts and suspensions into GC activity.
/// </summary>
public static class EventPipeReader
{
    /// <summary>Reads <paramref name="nettrace"/>; <paramref name="allocations"/> may be null when only counters are wanted, <paramref name="sites"/> also tallies allocations by type and site.</summary>
    public static TraceCounters Read(string nettrace, HopTally? allocations, AllocationSites? sites = null)
    {
        var counters = new TraceCounters();
        var etlx = TraceLog.CreateFromEventPipeDataFile(nettrace, Path.ChangeExtension(nettrace, ".etlx"));
        using var log = new TraceLog(etlx);
        var suspended = new Dictionary<int, double>();
        var frames = new List<string>(64);
        foreach (var e in log.Events)
        {
            switch (e)
            {
                case GCAllocationTickTraceData tick when allocations is not null:
                    frames.Clear();
                    frames.Add("type:" + tick.TypeName);
                    for (var s = tick.CallStack(); s is not null; s = s.Caller)
                    {
                        frames.Add($"{PerfStyle(s.CodeAddress.FullMethodName)} ({s.CodeAddress.ModuleName})");
                    }

                    allocations.Add(frames, tick.AllocationAmount64);
                    sites?.Add(frames, tick.AllocationAmount64);
                    break;
                case GCStartTraceData start when start.Depth is >= 0 and <= 2:
                    counters.Collections[start.Depth]++;
                    break;
                case GCSuspendEETraceData:
                    suspended[e.ProcessID] = e.TimeStampRelativeMSec;
                    break;
                case GCNoUserDataTraceData when e.EventName.Contains("RestartEEStop", StringComparison.Ordinal) && suspended.Remove(e.ProcessID, out var at):
                    counters.PauseMs += e.TimeStampRelativeMSec - at;
                    break;
                default:
                    if (e.EventName == "EventCounters")
                    {
                        Counter(e, counters);
                    }

                    break;
            }
        }

        return counters;
    }

    // "Ns.Type.Method(args)" -> "Ns.Type::Method(args)", as the runtime's perf map names methods, so one
    // set of patterns serves both sources.
    private static string PerfStyle(string name)
    {
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var dot = name.LastIndexOf('.', paren < 0 ? name.Length - 1 : paren);
        return dot > 0 && name[dot - 1] != '.' ? string.Concat(name.AsSpan(0, dot), "::", name.AsSpan(dot + 1)) : name;
    }

    private static void Counter(TraceEvent e, TraceCounters counters)
    {
        // The counter set arrives as one unnamed struct field holding {"Payload": {...}}.
        if ((e.PayloadNames.Length > 0 ? e.PayloadValue(0) : null) is not IDictionary<string, object> payload)
        {
            return;
        }

        if (payload.TryGetValue("Payload", out var inner) && inner is IDictionary<string, object> nested)
        {
            payload = nested;
        }

        if (!payload.TryGetValue("Name", out var n) || n is not string name)
        {
            return;
        }

        double? Number(string key) => payload.TryGetValue(key, out var v) ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        counters.Add(name, Number("Increment"), Number("Mean"), Number("IntervalSec") ?? 0);
    }
}

using System.Globalization;
using Grid.HopBudget;

// Usage (loadtests/hop-budget.sh runs it):
//   Grid.HopBudget --perf cpu.txt --perf-hz 499 --cpu-counters cpu.nettrace --alloc alloc.nettrace [--gen-us X] [--top N] [--sites N]
// cpu.txt is `perf script -F comm,tid,period,ip,sym,dso` of the host during the measured window; cpu.nettrace
// holds the EventCounters (messages, CPU) of the same window; alloc.nettrace AllocationTick events with stacks.
//   Grid.HopBudget --gc-pauses gc.nettrace      each GC of a trace taken with the GC keyword (loadtests/gc-tail.sh)
var options = Args(args);
if (options.TryGetValue("--gc-pauses", out var gcTrace))
{
    GcPauseReader.Print(gcTrace, Console.Out);
    return;
}

if (options.TryGetValue("--counters-row", out var label))
{
    // One row of loadtests/gc-settings.sh: the EventCounters of one window, per message.
    var w = EventPipeReader.Read(options["--cpu-counters"], null);
    var n = Math.Max(1, w.MessagesReceived);
    var r = n / Math.Max(1, w.Seconds);
    Console.WriteLine(Inv($"| {label} | {r:N0} | {w.CpuUsageMean * Environment.ProcessorCount / 100 / r * 1e6:0.0} | {w.AllocatedBytes / n:N0} | {w.Sum("gen-0-gc-count") * 1000 / n:0.00} / {w.Sum("gen-1-gc-count") * 1000 / n:0.000} / {w.Sum("gen-2-gc-count") * 1000 / n:0.000} | {w.Sum("total-pause-time-by-gc") / Math.Max(1, w.Seconds) / 10:0.0} % | {w.Sum("time-in-jit") / Math.Max(1, w.Seconds) / 10:0.0} % | {w.Mean("gc-heap-size"):0} |"));
    return;
}

var cpu = new HopTally();
var samples = PerfScriptReader.Read(options["--perf"], cpu);
var hz = double.Parse(options.GetValueOrDefault("--perf-hz", "499"), CultureInfo.InvariantCulture);
var cpuWindow = EventPipeReader.Read(options["--cpu-counters"], null);
var alloc = new HopTally();
var sites = new AllocationSites();
var allocWindow = EventPipeReader.Read(options["--alloc"], alloc, sites);
var top = int.Parse(options.GetValueOrDefault("--top", "0"), CultureInfo.InvariantCulture);
var siteCount = int.Parse(options.GetValueOrDefault("--sites", "0"), CultureInfo.InvariantCulture);

var rate = cpuWindow.MessagesReceived / Math.Max(1, cpuWindow.Seconds);
var cores = cpuWindow.CpuUsageMean * Environment.ProcessorCount / 100;
var usPerMessage = options.TryGetValue("--gen-us", out var gen) ? double.Parse(gen, CultureInfo.InvariantCulture) : cores / rate * 1e6;
var bytesPerMessage = allocWindow.AllocatedBytes / Math.Max(1, allocWindow.MessagesReceived);
var ticksPerMessage = alloc.Total / Math.Max(1, allocWindow.MessagesReceived);

Console.WriteLine(Inv($"CPU window: {cpuWindow.MessagesReceived:0} messages in {cpuWindow.Seconds:0} s ({rate:0}/s), host CPU {cores:0.00} cores (cpu-usage counter) -> {cores / rate * 1e6:0.0} µs/msg; perf: {samples} samples at {hz} Hz = {samples / hz / Math.Max(1, cpuWindow.Seconds):0.00} cores"));
Console.WriteLine(Inv($"alloc window: {allocWindow.MessagesReceived:0} messages in {allocWindow.Seconds:0} s; alloc-rate counter {bytesPerMessage:0} B/msg, AllocationTick sum {ticksPerMessage:0} B/msg; GCs gen0/1/2 {allocWindow.Collections[0]}/{allocWindow.Collections[1]}/{allocWindow.Collections[2]} ({allocWindow.Collections[0] * 1000.0 / Math.Max(1, allocWindow.MessagesReceived):0.00} gen0 per 1,000 msgs), suspended {allocWindow.PauseMs:0} ms ({allocWindow.PauseMs / Math.Max(1, allocWindow.Seconds) / 10:0.0} % of the window)"));
var m = Math.Max(1, cpuWindow.MessagesReceived);
Console.WriteLine(Inv($"per 1,000 msgs (CPU window): thread-pool work items {cpuWindow.Sum("threadpool-completed-items-count") * 1000 / m:0}, lock contentions {cpuWindow.Sum("monitor-lock-contention-count") * 1000 / m:0.0}, GCs gen0/1/2 {cpuWindow.Sum("gen-0-gc-count") * 1000 / m:0.00}/{cpuWindow.Sum("gen-1-gc-count") * 1000 / m:0.00}/{cpuWindow.Sum("gen-2-gc-count") * 1000 / m:0.000}; GC pauses {cpuWindow.Sum("total-pause-time-by-gc") / Math.Max(1, cpuWindow.Seconds) / 10:0.0} % of wall time; JIT {cpuWindow.Sum("time-in-jit") / Math.Max(1, cpuWindow.Seconds) / 10:0.0} % of wall time; gen2 size {cpuWindow.Mean("gen-2-size") / 1e6:0} MB"));
Console.WriteLine(Inv($"CPU µs/msg used for the table: {usPerMessage:0.0}{(gen is null ? " (counters)" : " (generator)")}"));
Console.WriteLine();
Console.Write(BudgetTable.Render(cpu, usPerMessage, alloc, bytesPerMessage));

if (siteCount > 0)
{
    // What is allocated where, heaviest first: the list of what to cut.
    Console.WriteLine();
    Console.WriteLine("| type @ site (innermost grid frame, or ~ leaf) | B/msg | share |");
    Console.WriteLine("|---|---:|---:|");
    foreach (var (site, share) in sites.Top(siteCount))
    {
        Console.WriteLine(Inv($"| `{site}` | {share * bytesPerMessage:0} | {share:0.0 %} |"));
    }
}

if (top > 0)
{
    Console.WriteLine();
    Console.WriteLine("heaviest unclassified CPU leaves:");
    foreach (var (frame, weight) in cpu.TopUnclassified(top))
    {
        Console.WriteLine(Inv($"  {weight / cpu.Total:0.0 %}  {frame}"));
    }

    for (var h = 0; h < HopRules.Hops.Length; h++)
    {
        Console.WriteLine($"{HopRules.Hops[h].Name}: heaviest CPU leaves / allocation sites");
        foreach (var (frame, weight) in cpu.TopLeaves(h, top))
        {
            Console.WriteLine(Inv($"  cpu {weight / cpu.Total:0.0 %}  {frame}"));
        }

        foreach (var (frame, weight) in alloc.TopLeaves(h, top))
        {
            Console.WriteLine(Inv($"  alloc {weight / alloc.Total:0.0 %}  {frame}"));
        }
    }
}

static Dictionary<string, string> Args(string[] args)
{
    var map = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        map[args[i]] = args[i + 1];
    }

    return map;
}

static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

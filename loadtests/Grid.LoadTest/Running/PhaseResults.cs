using Grid.LoadTest.Measurement;
using Grid.LoadTest.Options;
using Grid.LoadTest.Reporting;
using Grid.LoadTest.Transport;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Running;

/// <summary>Sums the streams of a finished phase into a <see cref="PhaseResult"/>.</summary>
public static class PhaseResults
{
    /// <summary>"open 20000/s" or "closed 4x64".</summary>
    public static string Load(LoadOptions options)
        => options.Rate is { } rate
            ? FormattableString.Invariant($"open {rate:0.#}/s{(options.SpinPacing ? " spin" : "")}")
            : FormattableString.Invariant($"closed {options.Streams}x{options.Concurrency}");

    /// <summary>A phase that could not start.</summary>
    public static PhaseResult Failed(string name, LoadOptions options, string error)
        => new() { Name = name, Load = Load(options), OfferedRate = options.Rate, Concurrency = options.Rate is null ? options.Concurrency : null, Streams = options.Streams, Error = error };

    /// <summary>The result of a phase whose replies have been drained.</summary>
    public static PhaseResult From(
        string name, LoadOptions options, PhaseClock clock, IReadOnlyList<EngineSession> sessions, LatencyRecorders recorders, CpuUse? cpu, long? allocated, MarketFeedResult? market)
    {
        var tallies = sessions.Select(s => s.Tally).ToList();
        var kinds = new Dictionary<string, long>();
        foreach (var kind in Enum.GetValues<MessageKind>().Where(k => k != MessageKind.None))
        {
            kinds[kind.ToString()] = tallies.Sum(t => t.SentByKind[(int)kind]);
        }

        return new PhaseResult
        {
            Name = name,
            Load = Load(options),
            OfferedRate = options.Rate,
            Concurrency = options.Rate is null ? options.Concurrency : null,
            Streams = options.Streams,
            Seconds = clock.Duration.TotalSeconds,
            Sent = kinds.Values.Sum(),
            Answered = tallies.Sum(t => t.Answered),
            Throughput = Math.Round(tallies.Sum(t => t.CompletedInWindow) / clock.Duration.TotalSeconds, 1),
            Latency = LatencySummary.Of(recorders.Measured.GetIntervalHistogram()),
            SendLag = LatencySummary.Of(recorders.SendLag.GetIntervalHistogram()),
            SentByKind = kinds,
            Decisions = Merge(tallies.Select(t => t.Decisions)),
            Rejects = Merge(tallies.Select(t => t.Rejects)),
            Errors = Merge(tallies.Select(t => t.Errors)),
            Acks = tallies.Sum(t => t.Acks),
            AcksUnknownOrder = tallies.Sum(t => t.AcksUnknownOrder),
            Unanswered = sessions.Sum(s => s.Pending.Outstanding),
            StreamFailures = [.. tallies.Where(t => t.Failure is not null).Select(t => t.Failure!)],
            ServerWindow = sessions.Count > 0 ? sessions[0].ServerWindow : 0,
            Cpu = cpu,
            ServerAllocatedBytes = allocated,
            Market = market,
        };
    }

    private static Dictionary<string, long> Merge<TKey>(IEnumerable<Dictionary<TKey, long>> counts)
        where TKey : struct, Enum
    {
        var merged = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, count) in counts.SelectMany(c => c))
        {
            var name = key.ToString();
            merged[name] = merged.GetValueOrDefault(name) + count;
        }

        return new Dictionary<string, long>(merged);
    }
}

using System.Diagnostics;
using Grid.LoadTest.Measurement;
using Grid.LoadTest.Options;
using Grid.LoadTest.Running;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// The measured phase of a chaos run: one resilient engine per stream (stream s starts on silo
/// s mod silos), an open loop at the offered rate, the fault injected T seconds into the measured
/// window, then a drain that keeps resending until every message has its final reply.
/// </summary>
public sealed class ChaosPhase(LoadOptions options, ChaosPlan plan, AccountSet accounts, string runId, TextWriter output)
{
    /// <summary>Offered rate when --rate is not given.</summary>
    public const double DefaultRate = 2_000;

    /// <summary>Seconds of the throughput series shown before the fault.</summary>
    public const int SecondsBefore = 5;

    /// <summary>Seconds of the throughput series shown from the fault on.</summary>
    public const int SecondsAfter = 10;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the phase against <paramref name="cluster"/>.</summary>
    public async Task<ChaosOutcome> Run(ChaosCluster cluster)
    {
        var rate = options.Rate ?? DefaultRate;
        var clock = new PhaseClock(options.Warmup, options.Duration);
        var span = options.Warmup + options.Duration + DrainTimeout + TimeSpan.FromSeconds(60);
        var recovery = new RecoveryClock(accounts.Ids);
        var probes = new ChaosProbes(new ChangeLedger(), recovery, new ThroughputSeries(Stopwatch.GetTimestamp(), span), new StreamEvents(recovery));
        var headers = new Grpc.Core.Metadata { { "x-api-key", options.EngineKey } };
        var targets = cluster.Targets;
        var sessions = Enumerable.Range(0, options.Streams).Select(s => new ChaosSession(
            s, targets, headers,
            new OrderFlow(accounts.ForStream(s, options.Streams), options.Instruments, options.Mix, options.MaxRestingPerAccount, $"{runId}c{s}-", options.Seed + s),
            probes, options.Concurrency, options.StallTimeout)).ToList();
        try
        {
            await Task.WhenAll(sessions.Select((s, i) => s.Connect(i % targets.Count)));
            output.WriteLine($"== chaos {plan}: open {rate:0.#}/s over {options.Streams} streams on {targets.Count} silos, {options.Warmup.TotalSeconds:0.#}s warm-up + {options.Duration.TotalSeconds:0.#}s");
            clock.Begin();
            var interval = Stopwatch.Frequency * options.Streams / rate;
            using var stop = new CancellationTokenSource();
            var fault = Inject(cluster, clock, probes);
            var progress = options.Progress ? Progress(sessions, clock, stop.Token) : Task.CompletedTask;
            await Task.WhenAll(sessions.Select((s, i) => Task.Run(() => s.Run(clock.Start + (long)(interval * i / options.Streams), interval, clock.MeasureTo, CancellationToken.None))));
            var (injected, ms, at, utc) = await fault;
            var drained = Stopwatch.GetTimestamp();
            await Task.WhenAll(sessions.Select(s => s.Drain(DrainTimeout)));
            await stop.CancelAsync();
            await progress;
            output.WriteLine($"   drained in {Stopwatch.GetElapsedTime(drained).TotalSeconds:0.0}s; {sessions.Sum(s => s.Pending)} message(s) left without a final reply");
            var counters = new SessionCounters();
            sessions.ForEach(s => counters.Add(s.Counters));
            var window = probes.Throughput.Window(clock.MeasureFrom, clock.MeasureTo);
            return new ChaosOutcome(probes, counters, injected, ms, at, utc, Math.Round(window / options.Duration.TotalSeconds, 1));
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    private async Task<(string Injected, double Ms, long At, DateTimeOffset Utc)> Inject(ChaosCluster cluster, PhaseClock clock, ChaosProbes probes)
    {
        await PhaseClock.Until(clock.MeasureFrom + PhaseClock.Ticks(plan.At), CancellationToken.None);
        var at = Stopwatch.GetTimestamp();
        var utc = DateTimeOffset.UtcNow;
        probes.Recovery.Fault(at);
        var injected = await cluster.Inject(plan.Kind);
        var ms = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
        output.WriteLine($"   fault at +{plan.At.TotalSeconds:0.###}s ({utc:HH:mm:ss.fff} UTC): {injected}");
        return (injected, ms, at, utc);
    }

    private async Task Progress(List<ChaosSession> sessions, PhaseClock clock, CancellationToken cancellationToken)
    {
        long last = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(1000, cancellationToken);
                var answered = sessions.Sum(s => Interlocked.Read(ref s.Counters.Answered));
                var t = (Stopwatch.GetTimestamp() - clock.MeasureFrom) / (double)Stopwatch.Frequency;
                output.WriteLine($"   {t,6:+0.0;-0.0}s  {answered - last,6} replies/s  {sessions.Sum(s => s.Pending),5} pending  {sessions.Sum(s => s.Counters.Reconnects),3} reconnects  {sessions.Sum(s => Interlocked.Read(ref s.Counters.Unavailable)),6} unavailable");
                last = answered;
            }
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }
    }
}

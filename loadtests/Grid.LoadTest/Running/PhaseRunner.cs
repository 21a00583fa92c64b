using System.Diagnostics;
using Grid.LoadTest.Market;
using Grid.LoadTest.Measurement;
using Grid.LoadTest.Options;
using Grid.LoadTest.Reporting;
using Grid.LoadTest.Transport;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Running;

/// <summary>
/// One measured phase against one stream service: open the streams (each proven by a heartbeat),
/// warm up, measure, drain the replies, then cancel the orders left resting so the next run starts
/// from the same book. The grid and echo phases run the same code with the same settings, the price
/// feed included (--prices: it publishes from the start of the warm-up to the end of the sends).
/// </summary>
public sealed class PhaseRunner(LoadOptions options, AccountSet accounts, string runId, TextWriter output, LiveMarket? market = null)
{
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Runs the phase named <paramref name="name"/> against <paramref name="service"/>.</summary>
    public async Task<PhaseResult> Run(string name, StreamService service)
    {
        output.WriteLine($"== {name}: {PhaseResults.Load(options)}, {options.Streams} streams, {options.Warmup.TotalSeconds:0.#}s warm-up + {options.Duration.TotalSeconds:0.#}s");
        var clock = new PhaseClock(options.Warmup, options.Duration);
        var recorders = new LatencyRecorders();
        using var channels = new EngineChannels(options);
        var capacity = options.Rate is null ? Math.Max(1024, 2 * options.Concurrency) : 1 << 16;
        var headers = new Grpc.Core.Metadata { { "x-api-key", options.EngineKey } };
        var flows = new List<OrderFlow>();
        var sessions = new List<EngineSession>();
        for (var s = 0; s < options.Streams; s++)
        {
            var makers = accounts.MakersForStream(s, options.Streams);
            var quotes = market is not null && makers.Length > 0
                ? new QuoteFlow(makers, market, options.Mix, options.QuoteShare, $"{runId}{name[0]}{s}-", options.Seed + 1_000 + s)
                : null;
            var flow = new OrderFlow(accounts.ForStream(s, options.Streams), options.Instruments, options.Mix, options.MaxRestingPerAccount, $"{runId}{name[0]}{s}-", options.Seed + s, quotes);
            flows.Add(flow);
            sessions.Add(new EngineSession(channels.For(s), headers, service, flow, clock, recorders, capacity));
        }

        try
        {
            await Task.WhenAll(sessions.Select(s => s.Open(OpenTimeout)));
        }
        catch (Exception e)
        {
            await DisposeAll(sessions);
            var why = e is Grpc.Core.RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message;
            output.WriteLine($"   {name} phase skipped: the stream did not open ({why})");
            return PhaseResults.Failed(name, options, why);
        }

        using var stop = new CancellationTokenSource();
        var cpu = new CpuSampler(options.ServerPids);
        var allocation = new AllocationSampler(options.ServerMetrics);
        await using var feed = market is not null && options.Prices is { } rate ? new PriceFeed(options.Targets[0], options.MarketDataKey, market.Walk, rate, clock) : null;
        clock.Begin();
        feed?.Start();
        var progress = options.Progress ? new ProgressLine(name, clock, sessions, recorders, output).Run(stop.Token) : Task.CompletedTask;
        var sampling = Sample(clock, cpu, allocation, stop.Token);
        await Task.WhenAll(sessions.Select((s, i) => Send(s, i, clock, stop.Token)));
        var prices = feed is null ? null : await feed.Stop();
        await Task.WhenAll(sessions.Select(s => s.Drain(options.DrainTimeout)));
        var (cpuUse, allocated) = await sampling;
        await stop.CancelAsync();
        await progress;
        var result = PhaseResults.From(name, options, clock, sessions, recorders, cpuUse, allocated, prices);
        if (service == StreamService.PreTrade)
        {
            await CancelResting(sessions, flows);
        }

        await DisposeAll(sessions);
        return result;
    }

    private Task Send(EngineSession session, int stream, PhaseClock clock, CancellationToken cancellationToken)
    {
        if (options.Rate is not { } rate)
        {
            return Task.Run(() => ClosedLoop.Run(session, options.Concurrency, clock.MeasureTo, cancellationToken), cancellationToken);
        }

        var interval = Stopwatch.Frequency * options.Streams / rate;
        var first = clock.Start + (long)(interval * stream / options.Streams);
        return Task.Run(() => OpenLoop.Run(session, first, interval, clock.MeasureTo, new Pacer(options.SpinPacing), cancellationToken), cancellationToken);
    }

    private static async Task<(CpuUse? Cpu, long? Allocated)> Sample(PhaseClock clock, CpuSampler cpu, AllocationSampler allocation, CancellationToken cancellationToken)
    {
        try
        {
            await PhaseClock.Until(clock.MeasureFrom, cancellationToken);
            cpu.Mark();
            await allocation.Mark();
            await PhaseClock.Until(clock.MeasureTo, cancellationToken);
            var used = cpu.Since();
            return (used, await allocation.Since());
        }
        catch (OperationCanceledException)
        {
            return (null, null);
        }
    }

    private async Task CancelResting(List<EngineSession> sessions, List<OrderFlow> flows)
    {
        var live = sessions.Select((s, i) => (Session: s, Cancels: flows[i].CancelAll())).Where(x => !x.Session.Failed).ToList();
        var count = live.Sum(x => x.Cancels.Count);
        if (count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await Task.WhenAll(live.Select(x => x.Session.SendUntimed(x.Cancels, 256, TimeSpan.FromSeconds(60))));
            await Task.WhenAll(live.Select(x => x.Session.Drain(options.DrainTimeout)));
            output.WriteLine($"   cancelled {count:N0} resting orders in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0}s (not measured)");
        }
        catch (Exception e) when (e is OperationCanceledException or Grpc.Core.RpcException or InvalidOperationException)
        {
            output.WriteLine($"   clean-up of {count:N0} resting orders stopped: {e.Message}");
        }
    }

    private static async Task DisposeAll(List<EngineSession> sessions)
    {
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }
}

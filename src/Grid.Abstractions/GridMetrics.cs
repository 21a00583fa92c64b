using System.Diagnostics.Metrics;

namespace Grid.Abstractions;

/// <summary>
/// The grid's own instruments (meter "Grid"), exported by the host for Prometheus beside Orleans'
/// meters. Recorded off the accept path's critical section: counters and histograms are lock-free.
/// </summary>
public static class GridMetrics
{
    /// <summary>Meter name to export.</summary>
    public const string MeterName = "Grid";

    private static readonly Meter Meter = new(MeterName, "1.0");

    // Seconds, from 100 µs (an in-memory check) to 2.5 s (a stalled storage write).
    private static readonly InstrumentAdvice<double> Latency = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    };

    /// <summary>Pre-trade checks answered, by decision and reject reason.</summary>
    public static readonly Counter<long> Checks = Meter.CreateCounter<long>("grid.checks", "{check}", "Pre-trade checks answered, by decision and reason");

    /// <summary>Time an account grain takes to apply a batch of commands and make it durable.</summary>
    public static readonly Histogram<double> CheckLatency = Meter.CreateHistogram("grid.check.latency", "s", "A command batch in the account grain, storage write included", advice: Latency);

    /// <summary>Grain calls received, by grain interface and origin (recorded by the host's PreTradeHops filter).</summary>
    public static readonly Counter<long> GrainCalls = Meter.CreateCounter<long>("grid.grain.calls", "{call}", "Grain calls received, by grain interface and origin (from: gateway-local, gateway-remote, grain, other)");

    /// <summary>
    /// PreTrade commands received by account grains, by origin: by grain call (the host's PreTradeHops filter) or
    /// in a silo-local turn (always <c>gateway-local</c>: the gateway and the activation share the silo).
    /// </summary>
    public static readonly Counter<long> PreTradeCommands = Meter.CreateCounter<long>("grid.pretrade.commands", "{command}", "PreTrade commands received by account grains, by origin (from: gateway-local, gateway-remote, grain, other)");

    /// <summary>Open matching-engine streams.</summary>
    public static readonly UpDownCounter<long> Streams = Meter.CreateUpDownCounter<long>("grid.streams", "{stream}", "Open PreTrade streams");

    /// <summary>Price age when it reaches a silo's market (observed time to frame build).</summary>
    public static readonly Histogram<double> PriceLag = Meter.CreateHistogram("grid.price.update.lag", "s", "Observed time of a price to its arrival in the silo's market", advice: Latency);

    /// <summary>Duration of one account storage write (Redis in durable mode), per group-committed batch.</summary>
    public static readonly Histogram<double> StorageWrite = Meter.CreateHistogram("grid.storage.write.latency", "s", "One account state write (a group-committed batch)", advice: Latency);

    /// <summary>Accounts re-margined by the silo monitor after price moves.</summary>
    public static readonly Counter<long> Remargined = Meter.CreateCounter<long>("grid.remargined", "{account}", "Accounts re-margined after a price move");

    /// <summary>
    /// Registers the house gauges (one callback set per silo, each reporting the latest house run it knows, per
    /// scenario): Cover-2 in USD, the coverage ratio guaranteeFund / Cover-2 (+Inf when Cover-2 is 0), the
    /// total deficit in USD, and the age of that run in seconds.
    /// </summary>
    public static void ObserveHouse(
        Func<IEnumerable<Measurement<double>>> cover2, Func<IEnumerable<Measurement<double>>> coverage,
        Func<IEnumerable<Measurement<double>>> deficit, Func<IEnumerable<Measurement<double>>> age)
    {
        Meter.CreateObservableGauge("grid.house.cover2", cover2, "USD", "Cover-2 of the latest house stress run, per scenario (Rulebook §5.3)");
        Meter.CreateObservableGauge("grid.house.coverage_ratio", coverage, "1", "Guarantee fund / Cover-2 of the latest house run, per scenario; below 1 the fund cannot absorb the two largest defaults");
        Meter.CreateObservableGauge("grid.house.deficit", deficit, "USD", "Total deficit of the latest house run, per scenario");
        Meter.CreateObservableGauge("grid.house.run.age", age, "s", "Seconds since the latest house run completed");
    }

    /// <summary>Registers the gauge of monitored accounts by state (one callback per silo).</summary>
    public static void ObserveAccounts(Func<IEnumerable<Measurement<long>>> observe)
        => Meter.CreateObservableGauge("grid.accounts", observe, "{account}", "Accounts monitored on this silo, by margin state");
}

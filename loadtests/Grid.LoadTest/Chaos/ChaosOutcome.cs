namespace Grid.LoadTest.Chaos;

/// <summary>What a chaos phase measured, for the reconciliation and the report.</summary>
/// <param name="Probes">The ledger, the recovery clock and the throughput series.</param>
/// <param name="Counters">The engines' counters, summed.</param>
/// <param name="Injected">What was done, in words.</param>
/// <param name="InjectionMs">How long the injection took.</param>
/// <param name="FaultAt">When the fault was injected (Stopwatch ticks).</param>
/// <param name="FaultUtc">The same instant in UTC.</param>
/// <param name="Throughput">Final replies per second over the measured window.</param>
public sealed record ChaosOutcome(ChaosProbes Probes, SessionCounters Counters, string Injected, double InjectionMs, long FaultAt, DateTimeOffset FaultUtc, double Throughput);

namespace Grid.LoadTest.Chaos;

/// <summary>What the chaos sessions feed with their final replies: the ledger, the recovery clock and the throughput series.</summary>
/// <param name="Ledger">Acknowledged changes.</param>
/// <param name="Recovery">First accepted check of each account after the fault.</param>
/// <param name="Throughput">Final replies per 10 ms.</param>
/// <param name="Streams">The engines' stream changes (given up, opened elsewhere), timed from the fault.</param>
public sealed record ChaosProbes(ChangeLedger Ledger, RecoveryClock Recovery, ThroughputSeries Throughput, StreamEvents Streams);

namespace Grid.LoadTest.Reporting;

/// <summary>The in-process risk-core baseline: AccountBook.Check in a loop on one thread.</summary>
/// <param name="Checks">Checks performed in the measured time.</param>
/// <param name="Seconds">Measured time.</param>
/// <param name="ChecksPerSecond">Throughput of one thread.</param>
/// <param name="NanosPerCheck">Mean cost of one check.</param>
/// <param name="Accepted">Share of the checks accepted (the account is the load accounts' equivalent).</param>
/// <param name="Account">What the account holds.</param>
public sealed record CoreResult(long Checks, double Seconds, double ChecksPerSecond, double NanosPerCheck, double Accepted, string Account);

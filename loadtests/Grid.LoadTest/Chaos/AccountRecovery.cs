namespace Grid.LoadTest.Chaos;

/// <summary>
/// One account's way back after the fault, in seconds from it: when the grid last answered it UNAVAILABLE, when the
/// check it then accepted was (re)sent, and when the acceptance arrived. Splits the recovery time into the wait for
/// the cluster to serve the account again and the time the accepted call itself took (activation included).
/// </summary>
/// <param name="LastUnavailable">The last UNAVAILABLE reply before the first acceptance; null when there was none.</param>
/// <param name="AcceptedSent">When the first accepted check was last written to a stream; null when none was accepted.</param>
/// <param name="Accepted">When its acceptance arrived; null when none was accepted.</param>
public sealed record AccountRecovery(double? LastUnavailable, double? AcceptedSent, double? Accepted);

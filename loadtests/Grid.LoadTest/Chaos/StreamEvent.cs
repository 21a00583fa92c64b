namespace Grid.LoadTest.Chaos;

/// <summary>
/// One engine's stream changing silo during a chaos run, in seconds from the fault (negative: before it), so that an
/// account's way back can be lined up with the silo logs: why the stream was given up, and where it went.
/// </summary>
/// <param name="Stream">The engine (stream index).</param>
/// <param name="From">The silo given up.</param>
/// <param name="To">The silo the stream was opened on.</param>
/// <param name="Reason">Why: "broken: …" (the stream failed) or "stalled" (no reply, not even to a heartbeat, for the stall timeout).</param>
/// <param name="GivenUpAt">When the stream was given up.</param>
/// <param name="OpenedAt">When the new stream answered its opening heartbeat.</param>
/// <param name="Attempts">Opens tried (each silo that did not answer costs up to the open timeout).</param>
public sealed record StreamEvent(int Stream, int From, int To, string Reason, double GivenUpAt, double OpenedAt, int Attempts);

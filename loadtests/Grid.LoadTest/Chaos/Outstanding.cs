using Grid.Api.V1;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Chaos;

/// <summary>A message of a chaos session without its final reply, kept whole so it can be resent unchanged.</summary>
/// <param name="Message">The message as first sent (its correlation id stays the same on every stream).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Account">The account concerned.</param>
/// <param name="Order">The order concerned.</param>
public sealed record Outstanding(EngineMessage Message, MessageKind Kind, EngineAccount Account, EngineOrder? Order)
{
    /// <summary>When it was last written to a stream (Stopwatch ticks).</summary>
    public long SentAt { get; set; }

    /// <summary>When to resend it after a retriable error reply (Stopwatch ticks); 0 when not waiting for that.</summary>
    public long RetryAt { get; set; }
}

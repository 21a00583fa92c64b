using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Transport;

/// <summary>What the reader needs to know about a message still waiting for its reply.</summary>
public struct PendingEntry
{
    /// <summary>The message's correlation id; zero while the slot is free.</summary>
    public ulong CorrelationId;

    /// <summary>When the schedule said to send it (Stopwatch ticks): latency is measured from here.</summary>
    public long Planned;

    /// <summary>When it was actually handed to the stream (Stopwatch ticks).</summary>
    public long Sent;

    /// <summary>What was sent.</summary>
    public MessageKind Kind;

    /// <summary>The account concerned.</summary>
    public EngineAccount? Account;

    /// <summary>The order concerned.</summary>
    public EngineOrder? Order;
}

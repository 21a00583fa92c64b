namespace Grid.LoadTest.Reporting;

/// <summary>What the price feed did during a phase's measured window.</summary>
public sealed record MarketFeedResult
{
    /// <summary>Batches per second offered (--prices).</summary>
    public double BatchesPerSecond { get; init; }

    /// <summary>Batches planned in the window and sent.</summary>
    public long Published { get; init; }

    /// <summary>Acks received for them.</summary>
    public long Acked { get; init; }

    /// <summary>Acks refusing a whole batch (ErrorDetail set: overload, malformed).</summary>
    public long Refused { get; init; }

    /// <summary>Single updates refused inside otherwise applied batches.</summary>
    public long RejectedUpdates { get; init; }

    /// <summary>Price updates per batch, on average.</summary>
    public double UpdatesPerBatch { get; init; }

    /// <summary>Send to ack, per batch (the grid acks once every query on the node sees the batch).</summary>
    public LatencySummary AckLatency { get; init; } = LatencySummary.Empty;

    /// <summary>Why the feed stream failed, if it did.</summary>
    public string? Failure { get; init; }

    /// <summary>Refused batches, refused updates, unacknowledged batches and a failed stream.</summary>
    public long Faults => Refused + RejectedUpdates + (Published - Acked) + (Failure is null ? 0 : 1);
}

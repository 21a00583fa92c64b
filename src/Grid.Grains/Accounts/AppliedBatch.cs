namespace Grid.Grains.Accounts;

/// <summary>
/// A batch of engine commands applied by the account and its write begun (<see cref="AccountGrain"/>'s apply, first
/// half): what the second half needs once <see cref="Durable"/> completes. Lets the silo-local path wait for the
/// write with its pooled turn instead of an async method per batch (<see cref="LocalTurn"/>).
/// </summary>
/// <param name="Durable">Completes once the changes are durable (at once in memory; in Redis mode once the journal has them).</param>
/// <param name="Changed">Whether the batch changed the account (else the write is the one before it, settled).</param>
/// <param name="Pulled">The resting orders pulled because the account is liquidating, announced after the write.</param>
/// <param name="Started">When the batch started (<see cref="System.Diagnostics.Stopwatch"/> ticks), for the latency metric.</param>
internal readonly record struct AppliedBatch(Task Durable, bool Changed, PulledOrders Pulled, long Started);

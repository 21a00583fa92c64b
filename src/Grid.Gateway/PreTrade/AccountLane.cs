using Grid.Abstractions.Engine;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// One account's queue in <see cref="AccountLanes"/>, and the thread-pool work item that drains it.
/// Lanes are kept for reuse once their queue runs dry: a lane starts for nearly every message (per-account
/// lanes rarely batch), and a reused one costs no queue, no queue growth, no batch buffers and no work-item
/// wrapper.
/// </summary>
internal sealed class AccountLane(AccountLanes owner) : IThreadPoolWorkItem
{
    // Most slots a parked lane keeps (the default batch cap): bursts after a pause (a GC, a slow turn) batch well
    // beyond 8 commands often enough that dropping such buffers at park cost ~40 B/msg in reallocations
    // (docs/performance.md). Bound: ≤ 64 × (command + reply) ≈ 20 KB per parked lane, and a stream parks at most
    // as many lanes as it ever had accounts in flight at once.
    private const int ParkedSlots = 64;

    /// <summary>The account whose commands the lane holds; set while the lane is in use.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>Commands accepted and not yet taken into a batch, in arrival order.</summary>
    public Queue<EngineCommand> Queue { get; } = new();

    /// <summary>The batch being applied (its first slots), reused batch after batch; grows with the batches, cleared after each.</summary>
    public EngineCommand[] Commands { get; private set; } = [];

    /// <summary>The replies to <see cref="Commands"/>, slot for slot.</summary>
    public EngineReply[] Replies { get; private set; } = [];

    /// <summary>Makes room for a batch of <paramref name="count"/> commands (at most <paramref name="maxBatch"/>).</summary>
    public void Reserve(int count, int maxBatch)
    {
        if (Commands.Length >= count)
        {
            return;
        }

        // Doubling: a busy account reaches its batch size in a few steps, an idle one stays at one slot.
        var size = Math.Min(Math.Max(count, Commands.Length * 2), maxBatch);
        Commands = new EngineCommand[size];
        Replies = new EngineReply[size];
    }

    /// <summary>
    /// Drops buffers grown by a burst as the lane parks, so the idle stack holds small lanes only (the drain
    /// clears the slots after each batch: a parked lane keeps no command's strings alive).
    /// </summary>
    public void Park()
    {
        if (Commands.Length > ParkedSlots)
        {
            Commands = [];
            Replies = [];
        }
    }

    /// <summary>Runs the drain on a pool thread (the reader goes on at once).</summary>
    public void Execute() => _ = owner.Drain(this);
}

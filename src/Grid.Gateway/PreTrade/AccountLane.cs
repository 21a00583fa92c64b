using System.Threading.Tasks.Sources;
using Grid.Abstractions.Engine;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// One account's queue in <see cref="AccountLanes"/>, the thread-pool work item that starts or wakes it, and the
/// wake-up its drain loop awaits while parked. Lanes are kept for reuse once their queue runs dry: a lane starts
/// for nearly every message (per-account lanes rarely batch), and a reused one costs no queue, no queue growth,
/// no batch buffers, no work-item wrapper and no state machine (its loop, <see cref="AccountLanes.Drain"/>, lives
/// as long as the lane and is allocated once).
/// </summary>
internal sealed class AccountLane(AccountLanes owner) : IThreadPoolWorkItem, IValueTaskSource<bool>
{
    // Most slots a parked lane keeps (the default batch cap): bursts after a pause (a GC, a slow turn) batch well
    // beyond 8 commands often enough that dropping such buffers at park cost ~40 B/msg in reallocations
    // (docs/performance.md). Bound: ≤ 64 × (command + reply) ≈ 20 KB per parked lane, and a stream parks at most
    // as many lanes as it ever had accounts in flight at once.
    private const int ParkedSlots = 64;

    // Completed inline by Execute (already on a pool thread), so a loop already waiting goes on there with no further hop.
    private ManualResetValueTaskSourceCore<bool> _wake = new() { RunContinuationsAsynchronously = false };
    private bool _looping;

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
    /// Drops buffers grown beyond <see cref="ParkedSlots"/> as the lane parks (the drain clears the slots after
    /// each batch: a parked lane keeps no command's strings alive).
    /// </summary>
    public void Park()
    {
        if (Commands.Length > ParkedSlots)
        {
            Commands = [];
            Replies = [];
        }
    }

    /// <summary>
    /// Arms (resets) the wake-up the parked loop is about to await. Why no wake-up is lost: this is called under the
    /// lanes' lock before the lane goes on the idle stack, and a parked lane is found again, and so woken, only by
    /// taking it off that stack under the same lock (<see cref="AccountLanes.TryEnqueue"/>, then its work item;
    /// <see cref="AccountLanes.Complete"/>, then <see cref="Retire"/>). Every wake-up of this park thus follows the
    /// reset; one that comes before the loop reaches its await stays set, and the await returns at once.
    /// </summary>
    public void Arm() => _wake.Reset();

    /// <summary>What the parked loop awaits: true once the lane holds another account's commands, false to end.</summary>
    public ValueTask<bool> Woken => new(this, _wake.Version);

    /// <summary>Ends a parked loop whose lane will not be used again (the lanes are completing).</summary>
    public void Retire() => _wake.SetResult(false);

    /// <summary>
    /// Runs on a pool thread (the reader goes on at once): the first time it starts the lane's loop, after that it
    /// sets the parked loop's wake-up. A loop already waiting goes on here; one not yet at its await goes on where it
    /// is, finding the wake-up set.
    /// </summary>
    public void Execute()
    {
        if (_looping)
        {
            _wake.SetResult(true);
            return;
        }

        _looping = true;
        _ = owner.Drain(this);
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _wake.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _wake.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _wake.OnCompleted(continuation, state, token, flags);
}

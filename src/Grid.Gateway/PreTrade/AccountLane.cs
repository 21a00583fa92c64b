using Grid.Abstractions.Engine;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// One account's queue in <see cref="AccountLanes"/>, and the thread-pool work item that drains it.
/// Lanes are kept for reuse once their queue runs dry: a lane starts for nearly every message (per-account
/// lanes rarely batch), and a reused one costs no queue, no queue growth and no work-item wrapper.
/// </summary>
internal sealed class AccountLane(AccountLanes owner) : IThreadPoolWorkItem
{
    /// <summary>The account whose commands the lane holds; set while the lane is in use.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>Commands accepted and not yet taken into a batch, in arrival order.</summary>
    public Queue<EngineCommand> Queue { get; } = new();

    /// <summary>Runs the drain on a pool thread (the reader goes on at once).</summary>
    public void Execute() => _ = owner.Drain(this);
}

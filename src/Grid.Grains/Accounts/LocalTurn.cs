using Grid.Abstractions.Engine;

namespace Grid.Grains.Accounts;

/// <summary>
/// One batch handed to an activation by <see cref="LocalTurns"/>: the commands, and the completion the
/// gateway's lane awaits (null: not applied, make the grain call). Its continuations run asynchronously, so
/// the lane never goes on inside the grain's turn (its replies are written from the thread pool, as after a
/// grain call's response).
/// </summary>
internal sealed class LocalTurn(LocalTurns owner, EngineCommand[] commands)
    : TaskCompletionSource<EngineReply[]?>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>The activation's entry that queued the batch.</summary>
    public LocalTurns Owner { get; } = owner;

    /// <summary>The batch, in arrival order.</summary>
    public EngineCommand[] Commands { get; } = commands;
}

using Grid.Abstractions.Engine;

namespace Grid.Abstractions.Accounts;

/// <summary>
/// An account grain's activation on this silo, reached without Orleans messaging: the batch runs on the
/// activation's own scheduler, in a turn of its own, exactly where a reentrant <see cref="IAccountGrain.Execute"/>
/// call would run (docs/performance.md, "Silo-local turns"). Published in <see cref="LocalAccounts"/> by the
/// activation itself and withdrawn before it deactivates.
/// </summary>
public interface ILocalAccount
{
    /// <summary>
    /// Applies the batch in the activation's turn and writes each command's reply, in order, into
    /// <paramref name="replies"/> (as long as the batch), as <see cref="IAccountGrain.Execute"/> answers; false
    /// when the activation is closing or gone, in which case nothing was applied and the caller makes the grain
    /// call instead. The buffers stay the caller's: the activation is done with them when the answer completes.
    /// The answer is a reused completion: await it exactly once, and do not keep it.
    /// </summary>
    ValueTask<bool> Execute(ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies);
}

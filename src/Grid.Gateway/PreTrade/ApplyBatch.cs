using Grid.Abstractions.Engine;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// Applies one batch of <paramref name="accountId"/>'s commands and writes one reply per command into
/// <paramref name="replies"/> (as long as the batch), in order. A slot left <c>default</c> is no answer: the
/// caller answers that command UNAVAILABLE. The buffers belong to the caller and are reused for its next
/// batch once this completes: an implementation touches them only until then, and copies what it hands on
/// to anything that may outlive the call (a grain call that times out).
/// </summary>
internal delegate ValueTask ApplyBatch(string accountId, ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies);

using Grid.Abstractions.Engine;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// One engine message after validation: either a command for an account's lane, or a reply the
/// gateway sends at once (heartbeat, error, or a reject of invalid order terms).
/// </summary>
internal readonly record struct EngineRequest(string AccountId, EngineCommand? Command, Wire.GridMessage? Immediate)
{
    /// <summary>A command for <paramref name="accountId"/>'s lane.</summary>
    public static EngineRequest For(string accountId, EngineCommand command) => new(accountId, command, null);

    /// <summary>A reply that needs no grain.</summary>
    public static EngineRequest Reply(Wire.GridMessage reply) => new("", null, reply);
}

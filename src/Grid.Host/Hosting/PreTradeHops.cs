using Grid.Abstractions;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;

namespace Grid.Host.Hosting;

/// <summary>
/// Counts, on the silo that hosts the grain, where each grain call came from: this silo's own gateway
/// (no hop), another silo's gateway (one silo hop there and one back; an external Orleans client on the
/// gateway port counts here too, the grid has none), another grain, or anything else.
/// A gateway calls grains as its silo's hosted client, whose id names the silo (<c>hosted-&lt;silo&gt;</c>),
/// so the origin is one id comparison per call, with no extra message and no change to the grain or the
/// gateway. Exported as <c>grid_grain_calls_total{interface, from}</c>, and for PreTrade batches
/// (<see cref="IAccountGrain.Execute"/>) <c>grid_pretrade_commands_total{from}</c>: the hop fraction of a
/// cluster is gateway-remote ÷ (gateway-local + gateway-remote) summed over its silos (loadtests/scale.sh).
/// Batches the gateway hands to a local activation's turn (<see cref="LocalAccounts"/>) pass no filter; the
/// activation counts their commands as gateway-local itself, and they are not grain calls.
/// </summary>
internal sealed class PreTradeHops : IIncomingGrainCallFilter
{
    // Orleans' type of client ids (ClientGrainId, internal): "sys.client".
    private static readonly GrainType ClientType = GrainType.Create("sys.client");

    private readonly GrainId _localGateway;

    /// <summary>Knows this silo's hosted client, the caller of every grain call its gateway makes.</summary>
    public PreTradeHops(ILocalSiloDetails silo)
        => _localGateway = GrainId.Create(ClientType, $"hosted-{silo.SiloAddress.ToParsableString()}");

    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var from = new KeyValuePair<string, object?>("from", context.SourceId switch
        {
            null => "other",
            { } id when !id.Type.Equals(ClientType) => "grain",
            { } id when id.Equals(_localGateway) => "gateway-local",
            _ => "gateway-remote",
        });
        GridMetrics.GrainCalls.Add(1, new KeyValuePair<string, object?>("interface", context.InterfaceName), from);
        if (context.Grain is IAccountGrain && context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is EngineCommand[] commands)
        {
            GridMetrics.PreTradeCommands.Add(commands.Length, from);
        }

        return context.Invoke();
    }
}

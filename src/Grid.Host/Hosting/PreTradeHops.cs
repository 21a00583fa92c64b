using System.Diagnostics.Metrics;
using Grid.Abstractions;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;

namespace Grid.Host.Hosting;

/// <summary>
/// Counts, on the silo that hosts the account, where each PreTrade batch (<see cref="IAccountGrain.Execute"/>)
/// came from: this silo's own gateway (no hop), another silo's gateway (one silo hop there and one
/// back), or anything else. A gateway calls grains as its silo's hosted client, whose id names the
/// silo (<c>hosted-&lt;silo&gt;</c>), so the origin is one id comparison per call, with no extra
/// message and no change to the grain or the gateway. Exported as <c>grid_pretrade_batches_total</c> and
/// <c>grid_pretrade_commands_total</c> with the tag <c>hop</c> = local | remote | other; the hop
/// fraction of a cluster is remote ÷ (local + remote) of the commands summed over its silos.
/// </summary>
internal sealed class PreTradeHops : IIncomingGrainCallFilter
{
    private static readonly Meter Meter = new(GridMetrics.MeterName, "1.0");
    private static readonly Counter<long> Batches = Meter.CreateCounter<long>("grid.pretrade.batches", "{batch}", "PreTrade batches received by account grains, by origin (hop: local, remote gateway, other)");
    private static readonly Counter<long> Commands = Meter.CreateCounter<long>("grid.pretrade.commands", "{command}", "PreTrade commands received by account grains, by origin (hop: local, remote gateway, other)");
    private static readonly KeyValuePair<string, object?> Local = new("hop", "local");
    private static readonly KeyValuePair<string, object?> Remote = new("hop", "remote");
    private static readonly KeyValuePair<string, object?> Other = new("hop", "other");

    // Orleans' type of client ids (ClientGrainId, internal): "sys.client".
    private static readonly GrainType ClientType = GrainType.Create("sys.client");

    private readonly GrainId _localGateway;

    /// <summary>Knows this silo's hosted client, the caller of every grain call its gateway makes.</summary>
    public PreTradeHops(ILocalSiloDetails silo)
        => _localGateway = GrainId.Create(ClientType, $"hosted-{silo.SiloAddress.ToParsableString()}");

    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IAccountGrain && context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is EngineCommand[] commands)
        {
            var origin = Origin(context.SourceId);
            Batches.Add(1, origin);
            Commands.Add(commands.Length, origin);
        }

        return context.Invoke();
    }

    private KeyValuePair<string, object?> Origin(GrainId? source)
    {
        if (source is not { } id || !id.Type.Equals(ClientType))
        {
            return Other;
        }

        return id.Equals(_localGateway) ? Local : Remote;
    }
}

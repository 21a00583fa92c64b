using Grid.Abstractions.Risk;
using Grid.Gateway.Conversion;
using Grid.Gateway.Security;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Monitoring;

/// <summary>
/// grid.v1.RiskEvents: every account state change of the cluster, as it happens, for ops and
/// liquidation engines. A subscriber that falls behind loses the oldest events (the feed is bounded),
/// never slows the grid.
/// </summary>
internal sealed class RiskEventsService(IRiskEventFeed feed, IOptions<GatewayOptions> options) : Wire.RiskEvents.RiskEventsBase
{

    public override async Task Subscribe(Wire.SubscribeRiskEventsRequest request, IServerStreamWriter<Wire.RiskEvent> responseStream, ServerCallContext context)
    {
        var states = new HashSet<Grid.Risk.Accounts.AccountState>();
        foreach (var s in request.States)
        {
            states.Add(WireEnums.TryRead(s, out Grid.Risk.Accounts.AccountState state)
                ? state
                : throw new RpcException(new Status(StatusCode.InvalidArgument, $"states: {s} is not an account state")));
        }

        var caller = CallerContext.Of(context);
        var events = feed.Subscribe(options.Value.RiskEventBacklog, context.CancellationToken);

        // The headers tell the subscriber it is in place: every event from now on reaches it (a client that
        // acts right after subscribing awaits them, or it races its own call's arrival).
        await context.WriteResponseHeadersAsync(new Metadata());
        try
        {
            await foreach (var e in events.ReadAllAsync(context.CancellationToken))
            {
                if (e.House is { } house)
                {
                    // A house event (no account): to those who asked, whose key sees the whole venue.
                    if (request.IncludeHouse && caller.Unscoped)
                    {
                        var wire = RiskEventMessages.ToWire(e, positions: false);
                        wire.House = Admin.HouseRiskMessages.ToWire(house);
                        await responseStream.WriteAsync(wire, context.CancellationToken);
                    }

                    continue;
                }

                if (e.PreviousState != e.State && (states.Count == 0 || states.Contains(e.State)) && caller.MayAct(e.AccountId))
                {
                    await responseStream.WriteAsync(RiskEventMessages.ToWire(e, request.IncludePositions), context.CancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Subscriber gone.
        }
    }
}

using Grid.Abstractions.Risk;
using Grid.Gateway.Conversion;
using Grid.Gateway.Faults;
using Grid.Gateway.Security;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Monitoring;

/// <summary>
/// grid.v1.RiskEvents: a snapshot of the accounts in the watched states, then every matching change of the
/// cluster as it happens, for ops and liquidation engines. A subscriber that falls behind gets each
/// account's latest event (its backlog coalesces per account), never slows the grid.
/// </summary>
internal sealed class RiskEventsService(IRiskEventFeed feed, IGrainFactory grains, IOptions<GatewayOptions> options) : Wire.RiskEvents.RiskEventsBase
{
    /// <summary>Events taken and written per flush at most.</summary>
    internal const int Burst = 256;

    public override async Task Subscribe(Wire.SubscribeRiskEventsRequest request, IServerStreamWriter<Wire.RiskEvent> responseStream, ServerCallContext context)
    {
        var states = new HashSet<Grid.Risk.Accounts.AccountState>();
        foreach (var s in request.States)
        {
            states.Add(WireEnums.TryRead(s, out Grid.Risk.Accounts.AccountState state)
                ? state
                : throw WireErrors.ToRpcException(WireErrors.Detail(Wire.ErrorCode.InvalidField, "states", $"{s} is not an account state")));
        }

        var token = context.CancellationToken;
        var stream = new RiskEventStream(request, states, CallerContext.Of(context), responseStream);
        var events = feed.Follow(options.Value.RiskEventBacklog, token);

        // The headers tell the subscriber it is in place: every event from now on reaches it (a client that
        // acts right after subscribing awaits them, or it races its own call's arrival).
        await context.WriteResponseHeadersAsync(new Metadata());
        try
        {
            // The snapshot first, then the backlog: an account's change queued meanwhile replaces its snapshot line,
            // or, queued after the line went out, follows it with its previous state rewritten to what the line
            // said; either way the last state shown is the newest.
            RiskEventTrace.Mark(RiskEventTrace.Stage.Snapshot, 0);
            await RiskEventSnapshot.Send(grains, stream, events, [.. states], request.IncludePositions, token);
            RiskEventTrace.Mark(RiskEventTrace.Stage.Snapshot, 0);
            await Relay(events, stream, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Subscriber gone.
        }
    }

    // Takes what is waiting a burst at a time (one lock per burst), stages the matching events and writes them
    // with one flush per burst; waits for the doorbell only when the queue is empty.
    private static async Task Relay(RiskEventQueue events, RiskEventStream stream, CancellationToken token)
    {
        var burst = new List<RiskEventData>(Burst);
        do
        {
            while (events.TakeMany(burst, Burst) > 0)
            {
                foreach (var e in burst)
                {
                    stream.Live(e);
                }

                burst.Clear();
                RiskEventTrace.Mark(RiskEventTrace.Stage.Write, await stream.Flush(token));
            }
        }
        while (await events.WaitAsync(token)); // false once the subscriber left (the queue completes with the call)
    }
}

using Grid.Abstractions.Risk;
using Grid.Gateway.Security;
using Grid.Risk.Accounts;
using Grpc.Core;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Monitoring;

/// <summary>
/// What one RiskEvents stream has sent: its filter and scope, the state it last sent per account (an
/// event's previous state is rewritten to it, so a coalesced or dropped change never shows a state the
/// client did not see) and its sequence.
/// </summary>
internal sealed class RiskEventStream(
    Wire.SubscribeRiskEventsRequest request, HashSet<AccountState> states, Caller caller, IServerStreamWriter<Wire.RiskEvent> writer)
{
    private readonly Dictionary<string, AccountState> _sent = new(StringComparer.Ordinal);
    private ulong _sequence;

    /// <summary>Events written so far.</summary>
    public ulong Sent => _sequence;

    /// <summary>True when the filter watches <paramref name="state"/> (an empty filter watches all).</summary>
    public bool Watches(AccountState state) => states.Count == 0 || states.Contains(state);

    /// <summary>True when an account in <paramref name="state"/> belongs in the snapshot: watched, and the caller's key sees it.</summary>
    public bool Shows(string accountId, AccountState state) => Watches(state) && caller.MayAct(accountId);

    /// <summary>Sends an account's snapshot line (previous state = state) when the caller may see the account.</summary>
    public Task Snapshot(RiskEventData e, CancellationToken cancellation)
    {
        if (!Shows(e.AccountId, e.State))
        {
            return Task.CompletedTask;
        }

        _sent[e.AccountId] = e.State;
        return Write(RiskEventMessages.ToWire(e, request.IncludePositions), cancellation);
    }

    /// <summary>Sends a live event when it matches: a change into or out of a watched state, or progress in liquidation.</summary>
    public Task Live(RiskEventData e, CancellationToken cancellation)
    {
        if (e.House is { } house)
        {
            // A house event (no account): to those who asked, whose key sees the whole venue.
            if (!request.IncludeHouse || !caller.Unscoped)
            {
                return Task.CompletedTask;
            }

            var wire = RiskEventMessages.ToWire(e, positions: false);
            wire.House = Admin.HouseRiskMessages.ToWire(house);
            return Write(wire, cancellation);
        }

        var previous = _sent.TryGetValue(e.AccountId, out var sent) ? sent : e.PreviousState;
        if (!Matches(previous, e) || !caller.MayAct(e.AccountId))
        {
            return Task.CompletedTask;
        }

        _sent[e.AccountId] = e.State;
        var message = RiskEventMessages.ToWire(e, request.IncludePositions);
        message.PreviousState = Conversion.WireEnums.ToWire(previous);
        return Write(message, cancellation);
    }

    // A state change, or figures moving while in liquidation (not a bare notice of pulled orders, which is
    // for the engine streams); into or out of a watched state.
    private bool Matches(AccountState previous, RiskEventData e)
    {
        var relevant = previous != e.State
            || (e.State is AccountState.Liquidate or AccountState.Bankrupt && e.CanceledOrderIds.Count == 0);
        return relevant && (Watches(e.State) || Watches(previous));
    }

    private Task Write(Wire.RiskEvent message, CancellationToken cancellation)
    {
        message.Sequence = ++_sequence;
        return writer.WriteAsync(message, cancellation);
    }
}

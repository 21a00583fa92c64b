using Grid.Abstractions.Risk;
using Grid.Gateway.Security;
using Grid.Risk.Accounts;
using Grpc.Core;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Monitoring;

/// <summary>
/// What one RiskEvents stream has sent: its filter and scope, the state it last sent per account (an
/// event's previous state is rewritten to it, so a coalesced or dropped change never shows a state the
/// client did not see) and its sequence. Live events are staged and go out on <see cref="Flush"/>, all but the
/// last with gRPC's buffer hint: a move's burst leaves in few socket writes, not one flush per event.
/// </summary>
internal sealed class RiskEventStream(
    Wire.SubscribeRiskEventsRequest request, HashSet<AccountState> states, Caller caller, IServerStreamWriter<Wire.RiskEvent> writer)
{
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);
    private static readonly WriteOptions Flushed = new();

    private readonly Dictionary<string, AccountState> _sent = new(StringComparer.Ordinal);
    private readonly List<Wire.RiskEvent> _staged = [];
    private ulong _sequence;

    /// <summary>Events numbered so far (written or staged).</summary>
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

    /// <summary>Stages a live event when it matches: a change into or out of a watched state, or progress in liquidation.</summary>
    public void Live(RiskEventData e)
    {
        if (e.House is { } house)
        {
            // A house event (no account): to those who asked, whose key sees the whole venue.
            if (!request.IncludeHouse || !caller.Unscoped)
            {
                return;
            }

            var wire = RiskEventMessages.ToWire(e, positions: false);
            wire.House = Admin.HouseRiskMessages.ToWire(house);
            Stage(wire);
            return;
        }

        var previous = _sent.TryGetValue(e.AccountId, out var sent) ? sent : e.PreviousState;
        if (!Matches(previous, e) || !caller.MayAct(e.AccountId))
        {
            return;
        }

        _sent[e.AccountId] = e.State;
        var message = RiskEventMessages.ToWire(e, request.IncludePositions);
        message.PreviousState = Conversion.WireEnums.ToWire(previous);
        Stage(message);
    }

    /// <summary>Writes the staged events in order, flushing the connection after the last only; the number written.</summary>
    public async Task<int> Flush(CancellationToken cancellation)
    {
        var count = _staged.Count;
        for (var i = 0; i < count; i++)
        {
            writer.WriteOptions = i < count - 1 ? Buffered : Flushed;
            await writer.WriteAsync(_staged[i], cancellation);
        }

        _staged.Clear();
        return count;
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
        writer.WriteOptions = Flushed;
        return writer.WriteAsync(message, cancellation);
    }

    private void Stage(Wire.RiskEvent message)
    {
        message.Sequence = ++_sequence;
        _staged.Add(message);
    }
}

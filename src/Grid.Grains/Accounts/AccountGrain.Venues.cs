using Grid.Abstractions.Venues;

namespace Grid.Grains.Accounts;

/// <summary>
/// The account in the indexes of its venues (<see cref="AccountVenues"/>): a write that may acknowledge
/// the first order of a venue joins that venue's index first, and an account leaves an index when a
/// listing finds it holding no order of the venue. Every join and leave of the account is sent one at
/// a time (a join waits for a leave under way), so the index never sees them out of order.
/// </summary>
public sealed partial class AccountGrain
{
    private Task _leaving = Task.CompletedTask;

    /// <summary>The group commit's write: the record, after the joins it depends on (none on the ordinary path).</summary>
    private Task WriteRecord() => _processor.Venues.Pending ? JoinThenWrite() : _state.WriteStateAsync();

    private async Task JoinThenWrite()
    {
        var venues = _processor.Venues;
        // Orders resting meanwhile may name yet another venue: join until none is left, then write in the
        // same turn, so every order the write carries has its venue's index stored. A failed join fails
        // the write (nothing acknowledged; the account reloads).
        while (venues.ToJoin() is { Length: > 0 } joining)
        {
            await _leaving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            await Task.WhenAll(Array.ConvertAll(joining, v => VenueIndex(v).Join(AccountId)));
            venues.Joined(joining);
        }

        await _state.WriteStateAsync();
    }

    /// <summary>On activation: the venues of the stored orders are joined again (idempotent); a failure leaves them to the next write.</summary>
    private async Task RejoinVenues()
    {
        var joining = _processor.Venues.ToJoin();
        try
        {
            await Task.WhenAll(Array.ConvertAll(joining, v => VenueIndex(v).Join(AccountId)));
            _processor.Venues.Joined(joining);
        }
        catch (Exception e)
        {
            GrainsLog.VenueIndexFailed(_logger, AccountId, "join", string.Join(",", joining), e);
        }
    }

    public Task LeaveVenue(string venueId)
    {
        if (string.IsNullOrEmpty(venueId) || _state.State.Orders.Exists(o => string.Equals(o.Venue, venueId, StringComparison.Ordinal)))
        {
            return Task.CompletedTask;
        }

        _processor.Venues.Left(venueId);
        _leaving = LeaveAfter(_leaving, venueId);
        return _leaving;
    }

    private async Task LeaveAfter(Task previous, string venueId)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        if (_processor.Venues.Holds(venueId))
        {
            // An order of the venue rested meanwhile: the account stays (it joins again before that write).
            return;
        }

        try
        {
            await VenueIndex(venueId).Leave(AccountId);
        }
        catch (Exception e)
        {
            // Harmless: the account stays listed, and the next listing that finds it asks again.
            GrainsLog.VenueIndexFailed(_logger, AccountId, "leave", venueId, e);
        }
    }

    private IVenueAccountsGrain VenueIndex(string venueId) => GrainFactory.GetGrain<IVenueAccountsGrain>(venueId);
}

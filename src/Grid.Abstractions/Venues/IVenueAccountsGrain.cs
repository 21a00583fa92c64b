namespace Grid.Abstractions.Venues;

/// <summary>
/// The accounts that have, or may have, resting orders checked by one venue (key: the venue id, which
/// is the API key id of its matching engine), so that listing a venue's reservations visits that
/// venue's accounts only. An account joins before it acknowledges its first order of the venue, so an
/// order that was ever acknowledged is never missing from the index; an account that holds no order
/// of the venue any more may stay listed (harmless) until a listing finds it and it leaves.
/// </summary>
[Alias("grid.IVenueAccountsGrain")]
public interface IVenueAccountsGrain : IGrainWithStringKey
{
    /// <summary>Lists the account; returns once that is in storage (at once when it already was).</summary>
    [Alias("Join")]
    Task Join(string accountId);

    /// <summary>
    /// Unlists the account. Only the account itself calls this (it is the single writer of its orders):
    /// it decides, in its own turn, that it holds no order of the venue.
    /// </summary>
    [Alias("Leave")]
    Task Leave(string accountId);

    /// <summary>Up to <paramref name="max"/> listed account ids after <paramref name="afterAccountId"/> (ordinal; empty: from the first), in ordinal order.</summary>
    [Alias("Page")]
    Task<string[]> Page(string afterAccountId, int max);
}

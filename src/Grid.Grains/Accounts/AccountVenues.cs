namespace Grid.Grains.Accounts;

/// <summary>
/// The venues whose index (Venues.VenueAccountsGrain) lists this account, as the account knows it, and
/// those it still has to join or leave. The account joins a venue before it acknowledges its first
/// order of that venue: a new venue is noted here when an order rests, and the grain joins it before
/// the write that acknowledges the order. Orders of a venue already listed (the ordinary accept path)
/// cost one compare per listed venue and no call. On activation the venues of the stored orders are to
/// be joined again (an idempotent call): storage, not memory, is what was acknowledged. Single-threaded
/// (the grain's turns); no Orleans here.
/// </summary>
internal sealed class AccountVenues
{
    private string[] _listed = [];
    private List<string>? _joining;

    public AccountVenues(IEnumerable<OrderRecord> stored)
    {
        foreach (var order in stored)
        {
            Resting(order.Venue);
        }
    }

    /// <summary>True when a venue must be joined before the next write is acknowledged.</summary>
    public bool Pending => _joining is { Count: > 0 };

    /// <summary>An order of <paramref name="venue"/> rests: a venue not listed yet is to be joined.</summary>
    public void Resting(string venue)
    {
        if (venue.Length == 0 || Listed(venue) || (_joining?.Contains(venue) ?? false))
        {
            // No venue recorded (orders checked before venues were), or nothing new.
            return;
        }

        (_joining ??= []).Add(venue);
    }

    /// <summary>True when <paramref name="venue"/> is listed or about to be.</summary>
    public bool Holds(string venue) => Listed(venue) || (_joining?.Contains(venue) ?? false);

    /// <summary>The venues to join now (they stay pending until <see cref="Joined"/>).</summary>
    public string[] ToJoin() => _joining is { Count: > 0 } ? [.. _joining] : [];

    /// <summary>The index of each of <paramref name="venues"/> has stored this account.</summary>
    public void Joined(string[] venues)
    {
        foreach (var venue in venues)
        {
            _joining?.Remove(venue);
            if (!Listed(venue))
            {
                _listed = [.. _listed, venue];
            }
        }
    }

    /// <summary>The account is about to leave <paramref name="venue"/>'s index: it is no longer listed.</summary>
    public void Left(string venue)
    {
        if (Listed(venue))
        {
            _listed = [.. _listed.Where(v => !string.Equals(v, venue, StringComparison.Ordinal))];
        }
    }

    private bool Listed(string venue)
    {
        foreach (var v in _listed)
        {
            if (ReferenceEquals(v, venue) || string.Equals(v, venue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

namespace Grid.Grains.Monitoring;

/// <summary>
/// Which dead silos the registry must wake accounts of, each time membership names a new dead silo: the new one,
/// and again every silo that died within <see cref="Window"/> before it. An account woken from the earlier dead
/// silo claims its new silo at the registry only after its first reply (AccountGrain.Reinstatement); should that
/// new silo die before the claim lands, the registry still names the earlier dead silo, so waking that one again
/// is what finds the account. Accounts that did claim are no longer named for it, so a repeat costs little.
/// </summary>
internal sealed class RevivalSchedule(TimeSpan window)
{
    private readonly Dictionary<string, DateTimeOffset> _deaths = new(StringComparer.Ordinal);

    /// <summary>How long after a silo's death its accounts are woken again when another silo dies.</summary>
    public TimeSpan Window { get; } = window;

    /// <summary>
    /// Records the dead silos of a membership snapshot seen at <paramref name="now"/> and answers the silos to wake
    /// accounts of: none when no silo is newly dead; otherwise the newly dead ones and those dead within the window.
    /// </summary>
    public IReadOnlyList<string> OnDeadSilos(IEnumerable<string> dead, DateTimeOffset now)
    {
        List<string>? fresh = null;
        foreach (var silo in dead)
        {
            if (_deaths.TryAdd(silo, now))
            {
                (fresh ??= []).Add(silo);
            }
        }

        if (fresh is null)
        {
            return [];
        }

        var wake = new List<string>(fresh);
        foreach (var (silo, diedAt) in _deaths)
        {
            if (!fresh.Contains(silo) && now - diedAt <= Window)
            {
                wake.Add(silo);
            }
        }

        return wake;
    }
}

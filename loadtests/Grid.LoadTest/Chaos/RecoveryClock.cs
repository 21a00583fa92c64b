using System.Collections.Concurrent;
using System.Diagnostics;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// Per account, when its first check was accepted after the fault (reply received, Stopwatch ticks).
/// Accounts on the surviving silos recover as soon as their next check comes back; those of the
/// faulted silo (or of every silo, for Redis) only once the grid serves them again.
/// </summary>
public sealed class RecoveryClock(IEnumerable<string> accounts)
{
    private readonly ConcurrentDictionary<string, long> _first = new(StringComparer.Ordinal);
    private readonly string[] _accounts = [.. accounts];
    private long _fault = long.MaxValue;

    /// <summary>When the fault was injected (Stopwatch ticks); <see cref="long.MaxValue"/> before.</summary>
    public long FaultAt => Volatile.Read(ref _fault);

    /// <summary>Marks the fault's instant.</summary>
    public void Fault(long ticks) => Volatile.Write(ref _fault, ticks);

    /// <summary>Notes an accepted check of <paramref name="account"/> received at <paramref name="ticks"/>.</summary>
    public void Accepted(string account, long ticks)
    {
        if (ticks >= FaultAt)
        {
            _first.TryAdd(account, ticks);
        }
    }

    /// <summary>Seconds from the fault to each account's first accepted check (null: none yet).</summary>
    public Dictionary<string, double?> Seconds()
        => _accounts.ToDictionary(a => a, a => _first.TryGetValue(a, out var t) ? (double?)((t - FaultAt) / (double)Stopwatch.Frequency) : null, StringComparer.Ordinal);

    /// <summary>p50, max and stragglers over the accounts.</summary>
    public RecoverySummary Summary() => RecoverySummary.Of(Seconds());
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// Per account, when its first check was accepted after the fault (reply received, Stopwatch ticks), when that
/// check was sent, and the last UNAVAILABLE reply before it. Accounts on the surviving silos recover as soon as
/// their next check comes back; those of the faulted silo (or of every silo, for Redis) only once the grid
/// serves them again.
/// </summary>
public sealed class RecoveryClock(IEnumerable<string> accounts)
{
    private readonly ConcurrentDictionary<string, (long At, long Sent)> _first = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _unavailable = new(StringComparer.Ordinal);
    private readonly string[] _accounts = [.. accounts];
    private long _fault = long.MaxValue;

    /// <summary>When the fault was injected (Stopwatch ticks); <see cref="long.MaxValue"/> before.</summary>
    public long FaultAt => Volatile.Read(ref _fault);

    /// <summary>Marks the fault's instant.</summary>
    public void Fault(long ticks) => Volatile.Write(ref _fault, ticks);

    /// <summary>Notes an accepted check of <paramref name="account"/> received at <paramref name="ticks"/>, last sent at <paramref name="sent"/>.</summary>
    public void Accepted(string account, long ticks, long sent = 0)
    {
        if (ticks >= FaultAt)
        {
            _first.TryAdd(account, (ticks, sent));
        }
    }

    /// <summary>Notes an UNAVAILABLE reply to a message of <paramref name="account"/> received at <paramref name="ticks"/>.</summary>
    public void Unavailable(string account, long ticks)
    {
        if (ticks >= FaultAt && !_first.ContainsKey(account))
        {
            _unavailable.AddOrUpdate(account, static (_, latest) => latest, static (_, previous, latest) => Math.Max(previous, latest), ticks);
        }
    }

    /// <summary>Seconds from the fault to each account's first accepted check (null: none yet).</summary>
    public Dictionary<string, double?> Seconds()
        => _accounts.ToDictionary(a => a, a => _first.TryGetValue(a, out var t) ? Since(t.At) : null, StringComparer.Ordinal);

    /// <summary>Each account's way back, in seconds from the fault.</summary>
    public Dictionary<string, AccountRecovery> Stages() => _accounts.ToDictionary(
        a => a,
        a =>
        {
            var accepted = _first.TryGetValue(a, out var t) ? t : default((long At, long Sent)?);
            return new AccountRecovery(
                _unavailable.TryGetValue(a, out var u) ? Rounded(u) : null,
                accepted is { Sent: > 0 } s ? Rounded(Math.Max(s.Sent, FaultAt)) : null,
                accepted is { } x ? Rounded(x.At) : null);
        },
        StringComparer.Ordinal);

    /// <summary>p50, max and stragglers over the accounts.</summary>
    public RecoverySummary Summary() => RecoverySummary.Of(Seconds());

    private double? Since(long ticks) => (ticks - FaultAt) / (double)Stopwatch.Frequency;

    private double? Rounded(long ticks) => Math.Round((ticks - FaultAt) / (double)Stopwatch.Frequency, 4);
}

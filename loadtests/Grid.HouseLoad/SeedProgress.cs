using System.Diagnostics;

namespace Grid.HouseLoad;

/// <summary>
/// Progress of a seeding run, counted from the stream replies (an account is seeded when its seven have
/// come back): a line every 5 % with the rate so far, the rate since the last line and the load average,
/// so a long run shows whether it slows down (Redis growing, grains piling up) before it ends.
/// </summary>
internal sealed class SeedProgress(int accounts, int repliesPerAccount, TextWriter log)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly long _step = Math.Max(1, accounts / 20) * (long)repliesPerAccount;
    private long _replies;
    private long _lastReplies;
    private TimeSpan _lastAt;

    public void Replied()
    {
        if (Interlocked.Increment(ref _replies) % _step == 0)
        {
            Line();
        }
    }

    /// <summary>The last line, unless the last reply printed it already.</summary>
    public void Done()
    {
        if (Interlocked.Read(ref _replies) % _step != 0)
        {
            Line();
        }
    }

    private void Line()
    {
        lock (_gate)
        {
            var (replies, now) = (Interlocked.Read(ref _replies), _clock.Elapsed);
            var seeded = replies / repliesPerAccount;
            var recent = (replies - _lastReplies) / repliesPerAccount / Math.Max((now - _lastAt).TotalSeconds, 1e-9);
            (_lastReplies, _lastAt) = (replies, now);
            log.WriteLine($"  seeded {seeded:N0} of {accounts:N0} in {now.TotalSeconds:N0} s ({seeded / Math.Max(now.TotalSeconds, 1e-9):N0}/s, {recent:N0}/s since the last line); load {Load()}");
        }
    }

    private static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}

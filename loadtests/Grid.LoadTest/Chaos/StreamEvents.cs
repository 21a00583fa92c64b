using System.Collections.Concurrent;
using System.Diagnostics;

namespace Grid.LoadTest.Chaos;

/// <summary>The engines' stream changes of a chaos run (<see cref="StreamEvent"/>), timed from the fault.</summary>
public sealed class StreamEvents(RecoveryClock clock)
{
    private readonly ConcurrentQueue<(int Stream, int From, int To, string Reason, long GivenUp, long Opened, int Attempts)> _events = new();

    /// <summary>Notes that <paramref name="stream"/> moved from silo <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void Moved(int stream, int from, int to, string reason, long givenUp, long opened, int attempts)
        => _events.Enqueue((stream, from, to, reason, givenUp, opened, attempts));

    /// <summary>Every move, in the order noted, seconds from the fault.</summary>
    public List<StreamEvent> Timeline()
    {
        var fault = clock.FaultAt;
        var list = new List<StreamEvent>();
        foreach (var e in _events)
        {
            list.Add(new StreamEvent(e.Stream, e.From, e.To, e.Reason, Since(e.GivenUp, fault), Since(e.Opened, fault), e.Attempts));
        }

        return list;
    }

    private static double Since(long ticks, long fault)
        => fault == long.MaxValue ? 0 : Math.Round((ticks - fault) / (double)Stopwatch.Frequency, 4);
}

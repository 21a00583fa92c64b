using System.Globalization;

namespace Grid.Abstractions.Risk;

/// <summary>
/// Measurement aid for the delivery of a move's risk events (issue 16 item 4): when the process runs with
/// GRID_TRACE_RISK_EVENTS=1, each stage of the path records the wall-clock time of its first and last mark
/// and the events it passed; a burst (marks no more than a second apart) is printed to standard output once
/// it has been quiet for a second. Off, a mark is one static read. Never used for behaviour.
/// </summary>
public static class RiskEventTrace
{
    /// <summary>True when the process traces (read once at start).</summary>
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("GRID_TRACE_RISK_EVENTS") == "1";

    private static readonly string[] Names = ["sweep", "announce", "hub", "feed", "snapshot", "write"];
    private static readonly long[] First = new long[Names.Length];
    private static readonly long[] Last = new long[Names.Length];
    private static readonly long[] Count = new long[Names.Length];
    private static readonly Lock Gate = new();
    private static Timer? _printer;

    /// <summary>The stages of the path.</summary>
    public enum Stage
    {
        /// <summary>A silo's monitor sweep (marked at its start with 0 and at its end with the transitions).</summary>
        Sweep,

        /// <summary>A silo sending a batch of events on (the count sent).</summary>
        Announce,

        /// <summary>The risk-event hub grain receiving a batch (its count).</summary>
        Hub,

        /// <summary>A silo's feed receiving a batch and queueing it for its subscribers (its count).</summary>
        Feed,

        /// <summary>A RiskEvents stream's opening snapshot (marked at its start with 0 and at its end with 0).</summary>
        Snapshot,

        /// <summary>A RiskEvents stream writing events (the count written).</summary>
        Write,
    }

    /// <summary>Records that <paramref name="stage"/> passed <paramref name="events"/> events now.</summary>
    public static void Mark(Stage stage, long events)
    {
        if (!Enabled)
        {
            return;
        }

        var now = DateTime.UtcNow.Ticks;
        var s = (int)stage;
        lock (Gate)
        {
            if (Count[s] == 0 && First[s] == 0)
            {
                First[s] = now;
            }

            Last[s] = now;
            Count[s] += events;
            _printer ??= new Timer(_ => Print(), null, 1_000, 500);
        }
    }

    private static void Print()
    {
        var quiet = DateTime.UtcNow.Ticks - TimeSpan.TicksPerSecond;
        lock (Gate)
        {
            for (var s = 0; s < Names.Length; s++)
            {
                if (First[s] != 0 && Last[s] < quiet)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"risk-event trace {Environment.ProcessId} {Names[s]}: first {new DateTime(First[s], DateTimeKind.Utc):HH:mm:ss.fff} last {new DateTime(Last[s], DateTimeKind.Utc):HH:mm:ss.fff} ({TimeSpan.FromTicks(Last[s] - First[s]).TotalMilliseconds:F0} ms) events {Count[s]}"));
                    First[s] = Last[s] = Count[s] = 0;
                }
            }
        }
    }
}

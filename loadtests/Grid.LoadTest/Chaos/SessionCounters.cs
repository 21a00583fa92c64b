namespace Grid.LoadTest.Chaos;

/// <summary>What one chaos session went through (summed over the sessions for the report).</summary>
public sealed class SessionCounters
{
    /// <summary>New messages sent (each counted once, however often resent).</summary>
    public long Sent;

    /// <summary>Messages that got their final reply.</summary>
    public long Answered;

    /// <summary>Writes of a message already sent: after a reconnect or a retriable error reply.</summary>
    public long Resent;

    /// <summary>Streams given up and opened again on another silo.</summary>
    public long Reconnects;

    /// <summary>Replies ERROR_CODE_UNAVAILABLE (resent).</summary>
    public long Unavailable;

    /// <summary>Replies ERROR_CODE_OVERLOADED (resent).</summary>
    public long Overloaded;

    /// <summary>Other error replies (final, nothing changed).</summary>
    public long Errors;

    /// <summary>Replies to checks that were stored decisions (<c>replayed</c>) and fill acks marked <c>duplicate</c>: resends the grid recognised.</summary>
    public long Replayed;

    /// <summary>Counts a retriable error reply (the reader thread).</summary>
    public void OnRetriable(Api.V1.ErrorCode code)
    {
        if (code == Api.V1.ErrorCode.Unavailable)
        {
            Interlocked.Increment(ref Unavailable);
        }
        else
        {
            Interlocked.Increment(ref Overloaded);
        }
    }

    /// <summary>Counts a final reply (the reader thread).</summary>
    public void OnFinal(Api.V1.GridMessage reply)
    {
        Interlocked.Increment(ref Answered);
        if (reply.BodyCase == Api.V1.GridMessage.BodyOneofCase.Error)
        {
            Interlocked.Increment(ref Errors);
        }

        if (reply.Decision?.Replayed == true || reply.Ack?.Duplicate == true)
        {
            Interlocked.Increment(ref Replayed);
        }
    }

    /// <summary>Adds <paramref name="other"/> to these.</summary>
    public void Add(SessionCounters other)
    {
        Sent += other.Sent;
        Answered += other.Answered;
        Resent += other.Resent;
        Reconnects += other.Reconnects;
        Unavailable += other.Unavailable;
        Overloaded += other.Overloaded;
        Errors += other.Errors;
        Replayed += other.Replayed;
    }
}

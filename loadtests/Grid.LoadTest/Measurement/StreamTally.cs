using Grid.Api.V1;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Measurement;

/// <summary>
/// Counters of one stream. The sender writes the send counters and the reader the reply counters
/// (one writer each); the progress line only reads <see cref="Sent"/> and <see cref="Received"/>.
/// Breakdowns count only messages planned in the measured window.
/// </summary>
public sealed class StreamTally
{
    private long _sent;
    private long _received;
    private long _rejected;
    private long _errored;

    /// <summary>Messages sent, warm-up included.</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>Replies received, warm-up included.</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>Rejected checks, warm-up included.</summary>
    public long Rejected => Volatile.Read(ref _rejected);

    /// <summary>Error replies, warm-up included.</summary>
    public long Errored => Volatile.Read(ref _errored);

    /// <summary>Messages planned in the window and sent, by kind.</summary>
    public long[] SentByKind { get; } = new long[Enum.GetValues<MessageKind>().Length];

    /// <summary>Replies (to any message) that arrived inside the window: the throughput numerator.</summary>
    public long CompletedInWindow { get; private set; }

    /// <summary>Replies to messages planned in the window.</summary>
    public long Answered { get; private set; }

    /// <summary>Decisions by outcome, for checks planned in the window.</summary>
    public Dictionary<Decision, long> Decisions { get; } = [];

    /// <summary>Rejected checks by reason.</summary>
    public Dictionary<RejectReason, long> Rejects { get; } = [];

    /// <summary>ErrorDetail replies by code (the message was not applied).</summary>
    public Dictionary<ErrorCode, long> Errors { get; } = [];

    /// <summary>Acks of fills and cancels.</summary>
    public long Acks { get; private set; }

    /// <summary>Acks saying the grid held no reservation for the order.</summary>
    public long AcksUnknownOrder { get; private set; }

    /// <summary>Messages with correlation id 0 (cancel instructions, heartbeats).</summary>
    public long Unsolicited { get; set; }

    /// <summary>Why the stream failed, if it did.</summary>
    public string? Failure { get; set; }

    /// <summary>Counts a message handed to the stream.</summary>
    public void OnSent(MessageKind kind, bool measured)
    {
        Volatile.Write(ref _sent, _sent + 1);
        if (measured)
        {
            SentByKind[(int)kind]++;
        }
    }

    /// <summary>Counts a reply.</summary>
    public void OnReply(GridMessage reply, bool plannedInWindow, bool arrivedInWindow)
    {
        Volatile.Write(ref _received, _received + 1);
        if (reply.BodyCase == GridMessage.BodyOneofCase.Error)
        {
            Volatile.Write(ref _errored, _errored + 1);
        }
        else if (reply.BodyCase == GridMessage.BodyOneofCase.Decision && reply.Decision.Decision == Decision.Reject)
        {
            Volatile.Write(ref _rejected, _rejected + 1);
        }

        if (arrivedInWindow)
        {
            CompletedInWindow++;
        }

        if (!plannedInWindow)
        {
            return;
        }

        Answered++;
        switch (reply.BodyCase)
        {
            case GridMessage.BodyOneofCase.Decision:
                Add(Decisions, reply.Decision.Decision);
                if (reply.Decision.Decision == Decision.Reject)
                {
                    Add(Rejects, reply.Decision.RejectReason);
                }

                break;
            case GridMessage.BodyOneofCase.Ack:
                Acks++;
                AcksUnknownOrder += reply.Ack.OrderKnown ? 0 : 1;
                break;
            case GridMessage.BodyOneofCase.Error:
                Add(Errors, reply.Error.Code);
                break;
        }
    }

    private static void Add<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull
        => counts[key] = counts.GetValueOrDefault(key) + 1;
}

using Grid.Abstractions.Risk;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Monitoring;

/// <summary>
/// Another silo's feed as this silo sends to it. One call at a time, each awaited: one-way calls may overtake
/// each other, so an account's events could arrive out of order; awaited, they arrive as announced. What is
/// announced while a call is out goes in the next call, merged into one batch. A feed that does not answer
/// holds up only its own sends (its backlog is bounded, the oldest dropped), never the silo or the other feeds.
/// </summary>
internal sealed class RiskEventPeer(IRiskEventObserver feed, ILogger logger)
{
    private const int MaxBatch = 8_192;
    private const int MaxPending = 1_000_000;
    private readonly Lock _gate = new();
    private readonly Queue<RiskEventData[]> _pending = new();
    private int _count;
    private bool _sending;
    private bool _closed;

    /// <summary>The feed sent to.</summary>
    public IRiskEventObserver Feed => feed;

    /// <summary>Queues events for the feed and starts sending if nothing is out.</summary>
    public void Send(RiskEventData[] events)
    {
        var (dropped, start) = (0, false);
        lock (_gate)
        {
            if (_closed || events.Length == 0)
            {
                return;
            }

            _pending.Enqueue(events);
            _count += events.Length;
            while (_count > MaxPending && _pending.Count > 1)
            {
                var oldest = _pending.Dequeue();
                _count -= oldest.Length;
                dropped += oldest.Length;
            }

            start = !_sending;
            _sending = true;
        }

        if (dropped > 0)
        {
            GrainsLog.RiskEventsNotDelivered(logger, dropped, "its feed is not keeping up", null);
        }

        if (start)
        {
            _ = Task.Run(Pump);
        }
    }

    /// <summary>Stops sending (the silo left the list): what is pending is dropped.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _pending.Clear();
            _count = 0;
        }
    }

    private async Task Pump()
    {
        while (true)
        {
            RiskEventData[] batch;
            lock (_gate)
            {
                if (_pending.Count == 0 || _closed)
                {
                    _sending = false;
                    return;
                }

                batch = Take();
            }

            try
            {
                await feed.Published(batch);
            }
            catch (Exception e)
            {
                GrainsLog.RiskEventsNotDelivered(logger, batch.Length, "the call failed", e);
            }
        }
    }

    // Under the gate: the oldest pending arrays, merged up to MaxBatch events (one array alone as it is).
    private RiskEventData[] Take()
    {
        var first = _pending.Dequeue();
        _count -= first.Length;
        if (_pending.Count == 0 || first.Length + _pending.Peek().Length > MaxBatch)
        {
            return first;
        }

        var merged = new List<RiskEventData>(Math.Min(MaxBatch, first.Length + _count));
        merged.AddRange(first);
        while (_pending.Count > 0 && merged.Count + _pending.Peek().Length <= MaxBatch)
        {
            var next = _pending.Dequeue();
            _count -= next.Length;
            merged.AddRange(next);
        }

        return [.. merged];
    }
}

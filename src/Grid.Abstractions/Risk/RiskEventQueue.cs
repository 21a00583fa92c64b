using System.Threading.Channels;

namespace Grid.Abstractions.Risk;

/// <summary>
/// One RiskEvents subscriber's backlog: at most one pending event per account (a newer event replaces the
/// pending one and keeps its previous state, so an account's events coalesce into the latest and never
/// reorder), accounts taken in the order they first became pending, house events in a queue of their own.
/// Bounded by accounts: when <see cref="Capacity"/> accounts are pending, the oldest pending one is dropped
/// (counted in <see cref="Dropped"/>). Offering never blocks the publisher.
/// </summary>
public sealed class RiskEventQueue
{
    /// <summary>House events kept at most; they come one per house run, so this is never reached in practice.</summary>
    public const int HouseCapacity = 1_024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, RiskEventData> _pending = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Queue<RiskEventData> _house = new();
    private bool _completed;
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>A queue holding at most <paramref name="capacity"/> pending accounts (at least one).</summary>
    public RiskEventQueue(int capacity) => Capacity = Math.Max(1, capacity);

    /// <summary>The most accounts pending at once.</summary>
    public int Capacity { get; }

    /// <summary>Account events dropped because <see cref="Capacity"/> accounts were pending (house events dropped beyond <see cref="HouseCapacity"/>).</summary>
    public long Dropped { get; private set; }

    /// <summary>Accounts with a pending event, plus pending house events.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count + _house.Count;
            }
        }
    }

    /// <summary>True while a state change of <paramref name="accountId"/> waits to be taken (not a bare notice of pulled orders).</summary>
    public bool HoldsChange(string accountId)
    {
        lock (_gate)
        {
            return _pending.TryGetValue(accountId, out var e) && e.PreviousState != e.State;
        }
    }

    /// <summary>Queues an event (coalescing it with the account's pending one); false once completed.</summary>
    public bool Offer(RiskEventData e)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            if (e.House is not null || e.AccountId.Length == 0)
            {
                if (_house.Count == HouseCapacity)
                {
                    _house.Dequeue();
                    Dropped++;
                }

                _house.Enqueue(e);
            }
            else if (_pending.TryGetValue(e.AccountId, out var older))
            {
                _pending[e.AccountId] = older.PreviousState == e.PreviousState ? e : e with { PreviousState = older.PreviousState };
            }
            else
            {
                while (_pending.Count >= Capacity && _order.TryDequeue(out var oldest))
                {
                    _pending.Remove(oldest);
                    Dropped++;
                }

                _pending.Add(e.AccountId, e);
                _order.Enqueue(e.AccountId);
            }
        }

        _doorbell.Writer.TryWrite(true);
        return true;
    }

    /// <summary>The next event (house events first, then accounts in the order they became pending); false when empty.</summary>
    public bool TryTake(out RiskEventData e)
    {
        lock (_gate)
        {
            if (_house.TryDequeue(out e!))
            {
                return true;
            }

            while (_order.TryDequeue(out var account))
            {
                if (_pending.Remove(account, out e!))
                {
                    return true;
                }
            }

            e = null!;
            return false;
        }
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> events into <paramref name="into"/> under one lock, in the order
    /// <see cref="TryTake"/> gives them; the number moved (0 when empty).
    /// </summary>
    public int TakeMany(List<RiskEventData> into, int max)
    {
        var taken = 0;
        lock (_gate)
        {
            while (taken < max && _house.TryDequeue(out var h))
            {
                into.Add(h);
                taken++;
            }

            while (taken < max && _order.TryDequeue(out var account))
            {
                if (_pending.Remove(account, out var e))
                {
                    into.Add(e);
                    taken++;
                }
            }
        }

        return taken;
    }

    /// <summary>Waits until an event may be waiting; false once completed (take what is left, then stop).</summary>
    public async ValueTask<bool> WaitAsync(CancellationToken cancellation = default)
    {
        if (!await _doorbell.Reader.WaitToReadAsync(cancellation))
        {
            return false;
        }

        _doorbell.Reader.TryRead(out _);
        return true;
    }

    /// <summary>Every event as it becomes available, until <see cref="Complete"/> (or cancellation).</summary>
    public async IAsyncEnumerable<RiskEventData> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        while (true)
        {
            while (TryTake(out var e))
            {
                yield return e;
            }

            if (!await _doorbell.Reader.WaitToReadAsync(cancellation))
            {
                while (TryTake(out var e))
                {
                    yield return e;
                }

                yield break;
            }

            _doorbell.Reader.TryRead(out _);
        }
    }

    /// <summary>Ends the queue: offers are refused; the reader takes what is pending, then stops.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }

        _doorbell.Writer.TryComplete();
    }
}

using System.Threading.Channels;
using Grid.Abstractions.Risk;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Monitoring;

/// <summary>
/// This silo's view of the cluster's risk events: keeps the latest few thousand and copies each to
/// every local subscriber: engine streams and the console through a bounded channel (a slow reader loses
/// the oldest), RiskEvents streams through a <see cref="RiskEventQueue"/> that coalesces per account;
/// neither blocks the silo. The events this silo announces go to its own subscribers at once and to every
/// other silo's feed, one awaited call at a time per feed (the hub tells it who they are), so no grain sits on
/// the path and an account's events, which one silo announces, reach each feed in the order announced. Claims from
/// other silos make the local monitor drop its replica of that account.
/// </summary>
public sealed class RiskEventFeed(ILogger<RiskEventFeed> logger) : IRiskEventFeed, IRiskEventObserver
{
    private const int Retained = 4_096;
    private readonly Lock _gate = new();
    private readonly Queue<(long Sequence, RiskEventData Event)> _recent = new();
    private readonly List<Channel<RiskEventData>> _subscribers = [];
    private readonly List<RiskEventQueue> _followers = [];
    private RiskEventPeer[] _peers = [];
    private long _peersVersion;
    private long _sequence;
    private Action<string, string>? _claimed;

    /// <summary>The other silos' feeds this silo sends its events to.</summary>
    public IReadOnlyList<IRiskEventObserver> PeerFeeds => Array.ConvertAll(Volatile.Read(ref _peers), p => p.Feed);

    /// <summary>
    /// Delivers events announced on this silo: to this silo's subscribers now, to every other silo's feed in
    /// the order announced (<see cref="RiskEventPeer"/>: one call out per feed at a time, never a wait here).
    /// </summary>
    public void Announce(RiskEventData[] events)
    {
        Published(events);
        foreach (var peer in Volatile.Read(ref _peers))
        {
            peer.Send(events);
        }

        RiskEventTrace.Mark(RiskEventTrace.Stage.Announce, events.Length);
    }

    /// <inheritdoc />
    public Task Published(RiskEventData[] events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                _recent.Enqueue((++_sequence, e));
                if (_recent.Count > Retained)
                {
                    _recent.Dequeue();
                }

                foreach (var s in _subscribers)
                {
                    s.Writer.TryWrite(e);
                }

                foreach (var f in _followers)
                {
                    f.Offer(e);
                }
            }
        }

        RiskEventTrace.Mark(RiskEventTrace.Stage.Feed, events.Length);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Claimed(string accountId, string silo)
    {
        _claimed?.Invoke(accountId, silo);
        return Task.CompletedTask;
    }

    /// <summary>Hands claims (account, claiming silo) to this silo's margin monitor, which drops its replica when another silo claims.</summary>
    internal void OnClaimed(Action<string, string> monitor) => _claimed = monitor;

    /// <inheritdoc />
    public Task Peers(IRiskEventObserver[] feeds, long version)
    {
        lock (_gate)
        {
            if (version <= _peersVersion)
            {
                return Task.CompletedTask;
            }

            _peersVersion = version;
            // A feed still listed keeps its sender (and its order); one no longer listed stops.
            var before = _peers;
            var after = Array.ConvertAll(feeds, f => Array.Find(before, p => p.Feed.Equals(f)) ?? new RiskEventPeer(f, logger));
            foreach (var gone in before)
            {
                if (Array.IndexOf(after, gone) < 0)
                {
                    gone.Close();
                }
            }

            Volatile.Write(ref _peers, after);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ChannelReader<RiskEventData> Subscribe(int capacity, CancellationToken cancellation)
    {
        var channel = Channel.CreateBounded<RiskEventData>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        cancellation.Register(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    /// <inheritdoc />
    public RiskEventQueue Follow(int accounts, CancellationToken cancellation)
    {
        var queue = new RiskEventQueue(accounts);
        lock (_gate)
        {
            _followers.Add(queue);
        }

        cancellation.Register(() =>
        {
            lock (_gate)
            {
                _followers.Remove(queue);
            }

            queue.Complete();
        });
        return queue;
    }

    /// <inheritdoc />
    public IReadOnlyList<RiskEventData> Recent(int count)
    {
        lock (_gate)
        {
            // Numbered in the order this silo received them (the console's order).
            return [.. _recent.Skip(Math.Max(0, _recent.Count - count)).Select(r => r.Event with { Sequence = r.Sequence })];
        }
    }
}

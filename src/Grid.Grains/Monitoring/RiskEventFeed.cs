using System.Threading.Channels;
using Grid.Abstractions.Risk;

namespace Grid.Grains.Monitoring;

/// <summary>
/// This silo's view of the cluster's risk events: keeps the latest few thousand and copies each to
/// every local subscriber: engine streams and the console through a bounded channel (a slow reader loses
/// the oldest), RiskEvents streams through a <see cref="RiskEventQueue"/> that coalesces per account;
/// neither blocks the silo. Claims from other silos make the local monitor drop its replica of that account.
/// </summary>
public sealed class RiskEventFeed(SiloMarginMonitor watch) : IRiskEventFeed, IRiskEventObserver
{
    private const int Retained = 4_096;
    private readonly Lock _gate = new();
    private readonly Queue<RiskEventData> _recent = new();
    private readonly List<Channel<RiskEventData>> _subscribers = [];
    private readonly List<RiskEventQueue> _followers = [];

    /// <inheritdoc />
    public Task Published(RiskEventData[] events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                _recent.Enqueue(e);
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
        watch.ClaimedElsewhere(accountId, silo);
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
            return [.. _recent.Skip(Math.Max(0, _recent.Count - count))];
        }
    }
}

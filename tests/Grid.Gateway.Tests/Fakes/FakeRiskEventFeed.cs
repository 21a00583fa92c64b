using System.Threading.Channels;
using Grid.Abstractions.Risk;

namespace Grid.Gateway.Tests.Fakes;

/// <summary>A risk-event feed the test publishes to by hand; one subscriber.</summary>
internal sealed class FakeRiskEventFeed : IRiskEventFeed
{
    private readonly Channel<RiskEventData> _events = Channel.CreateUnbounded<RiskEventData>();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the stream under test subscribed.</summary>
    public Task Subscribed => _subscribed.Task;

    public ChannelReader<RiskEventData> Subscribe(int capacity, CancellationToken cancellation)
    {
        _subscribed.TrySetResult();
        return _events.Reader;
    }

    public RiskEventQueue Follow(int accounts, CancellationToken cancellation)
    {
        _subscribed.TrySetResult();
        var queue = new RiskEventQueue(accounts);
        _ = Pump(queue, cancellation);
        return queue;
    }

    public IReadOnlyList<RiskEventData> Recent(int count) => [];

    private async Task Pump(RiskEventQueue queue, CancellationToken cancellation)
    {
        try
        {
            await foreach (var e in _events.Reader.ReadAllAsync(cancellation))
            {
                queue.Offer(e);
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }

        queue.Complete();
    }

    public void Publish(RiskEventData e) => _events.Writer.TryWrite(e);
}

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

    public IReadOnlyList<RiskEventData> Recent(int count) => [];

    public void Publish(RiskEventData e) => _events.Writer.TryWrite(e);
}

using Grid.Abstractions.Market;

namespace Grid.Gateway.Tests.Fakes;

/// <summary>A silo's market-step publisher that records the steps; <c>Release</c> holds the publisher, as a slow swap would.</summary>
internal sealed class RecordingMarketSteps : IMarketSteps
{
    public List<IReadOnlyList<MarketChange>> Steps { get; } = [];

    public TaskCompletionSource Published { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource? Release { get; init; }

    public Task Publish(IReadOnlyList<MarketChange> step)
    {
        Steps.Add(step);
        Published.TrySetResult();
        return Release?.Task ?? Task.CompletedTask;
    }

    public void ApplyHere(IReadOnlyList<MarketChange> changes) => Steps.Add(changes);
}

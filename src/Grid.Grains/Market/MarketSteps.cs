using Grid.Abstractions.Market;

namespace Grid.Grains.Market;

/// <summary>
/// Publishes a price batch as one market step: this silo's <see cref="MarketView"/> applies it in one
/// swap before the call returns, the directory fans it out to the other silos as one change set. No grain
/// call is awaited: the directory notification is one-way.
/// </summary>
internal sealed class MarketSteps(MarketView view, IGrainFactory grains) : IMarketSteps
{
    public Task Publish(IReadOnlyList<MarketChange> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Count == 0)
        {
            return Task.CompletedTask;
        }

        view.Apply(step);
        return grains.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).PublishStep([.. step]);
    }

    public void ApplyHere(IReadOnlyList<MarketChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        view.Apply(changes);
    }
}

namespace Grid.Abstractions.Market;

/// <summary>
/// Publishes a market step: the changes of one price batch, stored by their grains, made visible
/// together. Implemented by the silo the gateway is co-hosted in.
/// </summary>
public interface IMarketSteps
{
    /// <summary>
    /// Applies <paramref name="step"/> to this silo's market in one swap (no query here sees part of it)
    /// and sends it to the other silos as one change set. Returns once every query on this silo sees it.
    /// </summary>
    Task Publish(IReadOnlyList<MarketChange> step);

    /// <summary>
    /// Applies changes a grain has already published (an upsert, a halt, a rulebook) to this silo's
    /// market, so that the answer to the operator's call holds here even when the grain lives on another
    /// silo and the fan-out has not arrived yet. Older versions than those held are ignored.
    /// </summary>
    void ApplyHere(IReadOnlyList<MarketChange> changes);
}

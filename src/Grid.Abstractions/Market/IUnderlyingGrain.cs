namespace Grid.Abstractions.Market;

/// <summary>Owns one asset's index price and forward curve.</summary>
[Alias("grid.IUnderlyingGrain")]
public interface IUnderlyingGrain : IGrainWithStringKey
{
    /// <summary>New index price, forwards (replacing the same expiries) and/or dividend yield.</summary>
    [Alias("Publish")]
    Task<UnderlyingInfo> Publish(decimal? index, IReadOnlyList<ForwardPoint> forwards, decimal? dividendYield, DateTimeOffset at);

    /// <summary>
    /// Stores a price update and returns the asset's prices, without publishing them: the caller
    /// publishes them with the rest of its batch as one market step (<see cref="IMarketSteps"/>).
    /// Throws KeyNotFoundException for an asset neither the rulebook nor a listed instrument knows.
    /// </summary>
    [Alias("StorePrices")]
    Task<UnderlyingInfo> StorePrices(UnderlyingUpdate update);

    /// <summary>The asset's prices now, or null when never published.</summary>
    [Alias("Get")]
    Task<UnderlyingInfo?> Get();
}

namespace Grid.Abstractions.Market;

/// <summary>Owns one asset's index price and forward curve.</summary>
[Alias("grid.IUnderlyingGrain")]
public interface IUnderlyingGrain : IGrainWithStringKey
{
    /// <summary>New index price, forwards (replacing the same expiries) and/or dividend yield.</summary>
    [Alias("Publish")]
    Task<UnderlyingInfo> Publish(decimal? index, IReadOnlyList<ForwardPoint> forwards, decimal? dividendYield, DateTimeOffset at);

    /// <summary>The asset's prices now, or null when never published.</summary>
    [Alias("Get")]
    Task<UnderlyingInfo?> Get();
}

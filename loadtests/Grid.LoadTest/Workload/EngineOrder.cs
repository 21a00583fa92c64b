using Grid.Api.V1;

namespace Grid.LoadTest.Workload;

/// <summary>An order the simulated engine sent; it rests once the grid accepted it.</summary>
/// <param name="ClientOrderId">The engine's order id, unique for the run.</param>
/// <param name="Instrument">Index into the traded instruments.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Price">Limit price.</param>
public sealed record EngineOrder(string ClientOrderId, int Instrument, Side Side, decimal Price)
{
    /// <summary>Quantity still resting.</summary>
    public decimal Remaining { get; set; }
}

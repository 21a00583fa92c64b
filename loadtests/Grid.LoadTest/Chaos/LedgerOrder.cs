using Grid.Api.V1;

namespace Grid.LoadTest.Chaos;

/// <summary>An order the grid accepted, as the engine's ledger knows it: what was reserved, then filled or cancelled.</summary>
/// <param name="ClientOrderId">The engine's order id.</param>
/// <param name="Instrument">The instrument id.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Qty">Contracts reserved on acceptance.</param>
public sealed record LedgerOrder(string ClientOrderId, string Instrument, Side Side, decimal Qty)
{
    /// <summary>Contracts of acknowledged fills on this order.</summary>
    public decimal Filled { get; set; }

    /// <summary>True once a full cancel was acknowledged.</summary>
    public bool Cancelled { get; set; }

    /// <summary>What should still rest: nothing once cancelled or filled in full.</summary>
    public decimal Remaining => Cancelled ? 0m : Math.Max(0m, Qty - Filled);
}

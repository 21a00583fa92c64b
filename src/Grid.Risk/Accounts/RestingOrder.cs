namespace Grid.Risk.Accounts;

/// <summary>An accepted order resting on a book.</summary>
/// <param name="Instrument">Instrument id.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Qty">Remaining contracts (positive).</param>
/// <param name="Price">Limit price in the instrument's quote units.</param>
/// <param name="OrderId">Client order id, if known.</param>
public sealed record RestingOrder(string Instrument, Side Side, double Qty, double Price, string? OrderId = null);

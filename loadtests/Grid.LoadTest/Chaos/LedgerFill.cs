namespace Grid.LoadTest.Chaos;

/// <summary>An acknowledged fill: booked once, whatever the resends.</summary>
/// <param name="TradeId">The venue's trade id (the fill's idempotency key).</param>
/// <param name="Instrument">The instrument id.</param>
/// <param name="SignedQty">Contracts, positive for a buy.</param>
/// <param name="Price">Fill price.</param>
public sealed record LedgerFill(string TradeId, string Instrument, decimal SignedQty, decimal Price);

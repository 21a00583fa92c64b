namespace Grid.Risk.Accounts;

/// <summary>One net position (one-way mode, Rulebook §4 item 10).</summary>
/// <param name="Instrument">Instrument id.</param>
/// <param name="Qty">Signed contracts.</param>
/// <param name="Entry">Average entry price (delta-one uPnL; ignored for options, item 21).</param>
/// <param name="Funding">Unsettled funding in USD (perps).</param>
public sealed record Position(string Instrument, double Qty, double Entry = 0, double Funding = 0);

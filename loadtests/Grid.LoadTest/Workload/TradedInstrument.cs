namespace Grid.LoadTest.Workload;

/// <summary>
/// An instrument the engines trade. Orders rest within <see cref="Spread"/> of the reference price
/// (well inside the grid's ±10 % band) in multiples of <see cref="Lot"/>, 1 to 20 lots each.
/// </summary>
/// <param name="Id">Instrument id, e.g. "BTC-PERP".</param>
/// <param name="Reference">Price the orders are placed around: the mark the grid publishes.</param>
/// <param name="Lot">Quantity step: about 100 to 1,000 USD of notional.</param>
/// <param name="Tick">Price step.</param>
/// <param name="Spread">Largest distance of a limit price from the reference, as a fraction.</param>
public sealed record TradedInstrument(string Id, decimal Reference, decimal Lot, decimal Tick, decimal Spread)
{
    /// <summary>An instrument with a lot worth at most 1,000 USD, a tick of 1/10,000 of the price and a 0.2 % spread.</summary>
    public static TradedInstrument Near(string id, decimal reference)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reference);
        var lot = 1m;
        while (lot * reference > 1_000m)
        {
            lot /= 10m;
        }

        var tick = 1m;
        while (tick * 10_000m > reference)
        {
            tick /= 10m;
        }

        return new TradedInstrument(id, reference, lot, tick, 0.002m);
    }
}

namespace Grid.Risk.Accounts;

/// <summary>An instrument an account holds or has orders on: net position and resting totals.</summary>
internal struct Holding
{
    public int Instrument;
    public double Qty;
    public double Entry;
    public double Funding;
    public double BidQty;
    public double AskQty;

    /// <summary>Net contracts in fill state <paramref name="state"/>.</summary>
    public readonly double Net(FillState state) => state switch
    {
        FillState.Bids => Qty + BidQty,
        FillState.Asks => Qty - AskQty,
        _ => Qty,
    };

    public readonly bool IsEmpty => Qty == 0 && BidQty == 0 && AskQty == 0 && Funding == 0;
}

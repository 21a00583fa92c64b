namespace Grid.Risk.Accounts;

/// <summary>A resting order inside the book, with its costs at the current mark.</summary>
internal struct OrderEntry
{
    public string? OrderId;
    public int Instrument;
    public Side Side;
    public double Qty;
    public double Price;
    public double OpenLoss;
    public double Fee;

    public readonly int Direction => Side == Side.Buy ? 1 : -1;
}

namespace Grid.LoadTest.Chaos;

/// <summary>One account's acknowledged changes: accepted orders by client order id, and fills by trade id.</summary>
public sealed class AccountLedger
{
    /// <summary>Orders the grid accepted, by client order id.</summary>
    public Dictionary<string, LedgerOrder> Orders { get; } = new(StringComparer.Ordinal);

    /// <summary>Acknowledged fills, by trade id (a duplicate ack of the same trade is the same fill).</summary>
    public Dictionary<string, LedgerFill> Fills { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages for this account that never got a final reply: the account's state is then uncertain.</summary>
    public int Unresolved { get; set; }

    /// <summary>Net position per instrument implied by the acknowledged fills.</summary>
    public Dictionary<string, decimal> Positions()
    {
        var positions = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var fill in Fills.Values)
        {
            positions[fill.Instrument] = positions.GetValueOrDefault(fill.Instrument) + fill.SignedQty;
        }

        return positions;
    }

    /// <summary>Σ signed qty × price of the acknowledged fills, per instrument (the cash they moved before realisation).</summary>
    public Dictionary<string, decimal> Traded()
    {
        var traded = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var fill in Fills.Values)
        {
            traded[fill.Instrument] = traded.GetValueOrDefault(fill.Instrument) + (fill.SignedQty * fill.Price);
        }

        return traded;
    }
}

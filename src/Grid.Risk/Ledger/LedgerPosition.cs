namespace Grid.Risk.Ledger;

/// <summary>A stored net position in exact decimals.</summary>
/// <param name="Qty">Signed contracts.</param>
/// <param name="Entry">Average entry price (0 for options, whose premium moved cash).</param>
/// <param name="Funding">Unsettled funding: USD for linear contracts, coin for inverse ones; positive is owed to the account.</param>
public readonly record struct LedgerPosition(decimal Qty, decimal Entry, decimal Funding)
{
    /// <summary>Nothing held and nothing owed: the position is dropped from the ledger.</summary>
    public bool IsEmpty => Qty == 0 && Funding == 0;
}

namespace Grid.Risk.Accounts;

/// <summary>
/// Average-entry bookkeeping of a one-way net position: adding keeps a weighted average entry
/// (harmonic for coin-margined contracts); reducing realises PnL at the fill price and keeps the
/// entry; flipping realises the whole position and opens the rest at the fill price.
/// </summary>
internal static class FillAccounting
{
    /// <summary>Realised PnL per multiplier unit (USD for linear, coin for inverse) and the new entry.</summary>
    public static (double Realised, double Entry) Apply(double qty, double entry, double dq, double price, bool inverse)
    {
        var after = qty + dq;
        if (qty == 0 || Math.Sign(qty) == Math.Sign(dq))
        {
            var average = qty == 0 ? price
                : inverse ? after / (qty / entry + dq / price)
                : (qty * entry + dq * price) / after;
            return (0, average);
        }

        var closed = Math.Min(Math.Abs(qty), Math.Abs(dq)) * Math.Sign(qty);
        var realised = inverse ? closed * (1 / entry - 1 / price) : closed * (price - entry);
        var newEntry = after == 0 ? 0 : Math.Sign(after) != Math.Sign(qty) ? price : entry;
        return (realised, newEntry);
    }
}

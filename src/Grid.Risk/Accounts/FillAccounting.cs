using System.Numerics;

namespace Grid.Risk.Accounts;

/// <summary>
/// Average-entry bookkeeping of a one-way net position, generic so the engine (double) and the
/// account record (decimal) run the same rules: adding keeps a weighted average entry (harmonic for
/// coin-margined contracts); reducing realises PnL at the fill price and keeps the entry; flipping
/// realises the whole position and opens the rest at the fill price.
/// </summary>
public static class FillAccounting
{
    /// <summary>Realised PnL per multiplier unit (USD for linear, coin for inverse) and the new entry.</summary>
    public static (T Realised, T Entry) Apply<T>(T qty, T entry, T dq, T price, bool inverse)
        where T : INumber<T>
    {
        var after = qty + dq;
        if (T.IsZero(qty) || T.Sign(qty) == T.Sign(dq))
        {
            var average = T.IsZero(qty) ? price
                : inverse ? after / (qty / entry + dq / price)
                : (qty * entry + dq * price) / after;
            return (T.Zero, average);
        }

        var closed = T.Min(T.Abs(qty), T.Abs(dq)) * T.CreateChecked(T.Sign(qty));
        var realised = inverse ? closed * (T.One / entry - T.One / price) : closed * (price - entry);
        var newEntry = T.IsZero(after) ? T.Zero : T.Sign(after) != T.Sign(qty) ? price : entry;
        return (realised, newEntry);
    }

    /// <summary>
    /// The settlement of a derivative fill: the new entry and the movement of the settlement asset, in
    /// its own units. Options move their premium and keep no entry; delta-one contracts realise PnL; the fee is paid too.
    /// Linear amounts are USD converted at <paramref name="settlementPrice"/>; inverse ones are coin.
    /// </summary>
    public static (T Entry, T SettlementUnits) Settle<T>(
        bool option, bool inverse, T multiplier, T qty, T entry, T dq, T price, T fee, T settlementPrice)
        where T : INumber<T>
    {
        var (realised, newEntry) = Apply(qty, entry, dq, price, inverse && !option);
        var cash = option ? -dq * multiplier * price : realised * multiplier;
        var units = inverse ? cash - fee : (cash - fee) / settlementPrice;

        // An option's entry does not enter AE (Rulebook §4 item 21): its premium already moved cash.
        return (option ? T.Zero : newEntry, units);
    }
}

using Grid.Risk.Accounts;

namespace Grid.Risk.Monitoring;

/// <summary>
/// Whether a book's holdings equal a previous replica's arrays, bit for bit. A replica is taken after every
/// change, and most changes touch one kind of holding (a check adds an order, a deposit a balance): the
/// unchanged position and balance arrays are shared with the previous replica instead of copied. Sharing is safe because a
/// replica's arrays are never written once it is built (a remap replaces them).
/// </summary>
internal static class ReplicaHoldings
{
    /// <summary>Positions (instrument; contracts, entry, unsettled funding) of every holding with quantity or funding.</summary>
    public static bool SamePositions(AccountBook book, int[] instruments, double[] positions)
    {
        var n = 0;
        for (var k = 0; k < book.HoldingCount; k++)
        {
            ref var h = ref book.Holdings[k];
            if (h.Qty == 0 && h.Funding == 0)
            {
                continue;
            }

            if (n == instruments.Length || instruments[n] != h.Instrument
                || !Same(positions[3 * n], h.Qty) || !Same(positions[3 * n + 1], h.Entry) || !Same(positions[3 * n + 2], h.Funding))
            {
                return false;
            }

            n++;
        }

        return n == instruments.Length;
    }

    /// <summary>Non-zero balances (asset index; amount).</summary>
    public static bool SameBalances(AccountBook book, int[] assets, double[] balances)
    {
        var n = 0;
        for (var a = 0; a < book.Balances.Length; a++)
        {
            if (book.Balances[a] == 0)
            {
                continue;
            }

            if (n == assets.Length || assets[n] != a || !Same(balances[n], book.Balances[a]))
            {
                return false;
            }

            n++;
        }

        return n == assets.Length;
    }

    // Bit equality: a shared array must hold exactly what a fresh copy would (−0 and NaN included).
    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}

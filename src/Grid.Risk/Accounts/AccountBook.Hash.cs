namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>
    /// A deterministic 64-bit hash of what the account holds (regime, balances, positions, resting
    /// orders), independent of insertion order and of the derived scenario vectors: equal books hash
    /// equal after a rebuild, a reload from storage or a replay.
    /// </summary>
    public ulong StateHash()
    {
        var h = Fnv.Offset;
        h = Fnv.Mix(h, (long)Regime);
        for (var a = 0; a < Balances.Length; a++)
        {
            if (Balances[a] != 0)
            {
                h = Fnv.Mix(h, Model.Assets[a].Rule.Name);
                h = Fnv.Mix(h, BitConverter.DoubleToInt64Bits(Balances[a]));
            }
        }

        var holdings = new (string Id, Holding H)[HoldingCount];
        for (var k = 0; k < HoldingCount; k++)
        {
            holdings[k] = (Model.Instruments[Holdings[k].Instrument].Spec.Id, Holdings[k]);
        }

        Array.Sort(holdings, (x, y) => string.CompareOrdinal(x.Id, y.Id));
        foreach (var (id, hold) in holdings)
        {
            if (hold.Qty == 0 && hold.Funding == 0)
            {
                continue;
            }

            h = Fnv.Mix(h, id);
            h = Fnv.Mix(h, BitConverter.DoubleToInt64Bits(hold.Qty));
            h = Fnv.Mix(h, BitConverter.DoubleToInt64Bits(hold.Entry));
            h = Fnv.Mix(h, BitConverter.DoubleToInt64Bits(hold.Funding));
        }

        var orders = new (string Key, OrderEntry O)[OrderCount];
        for (var k = 0; k < OrderCount; k++)
        {
            var o = Orders[k];
            orders[k] = ($"{Model.Instruments[o.Instrument].Spec.Id}|{o.OrderId}|{o.Side}|{o.Price:R}|{o.Qty:R}", o);
        }

        Array.Sort(orders, (x, y) => string.CompareOrdinal(x.Key, y.Key));
        foreach (var (key, _) in orders)
        {
            h = Fnv.Mix(h, key);
        }

        return h;
    }

    private static class Fnv
    {
        public const ulong Offset = 14695981039346656037UL;
        private const ulong Prime = 1099511628211UL;

        public static ulong Mix(ulong h, long value)
        {
            for (var i = 0; i < 8; i++)
            {
                h = (h ^ (byte)(value >> (8 * i))) * Prime;
            }

            return h;
        }

        public static ulong Mix(ulong h, string text)
        {
            foreach (var c in text)
            {
                h = (h ^ c) * Prime;
            }

            return (h ^ 0xFF) * Prime;
        }
    }
}

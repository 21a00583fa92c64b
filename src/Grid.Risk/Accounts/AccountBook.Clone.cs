namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>A deep copy against the same model (what-if evaluation without touching this book).</summary>
    public AccountBook Clone()
    {
        var copy = new AccountBook(Model, Regime)
        {
            PreviousState = PreviousState,
            Balances = (double[])Balances.Clone(),
            SpotFill = (double[])SpotFill.Clone(),
            Holdings = (Holding[])Holdings.Clone(),
            HoldingCount = HoldingCount,
            Orders = (OrderEntry[])Orders.Clone(),
            OrderCount = OrderCount,
        };
        for (var g = 0; g < Groups.Length; g++)
        {
            if (Groups[g] is not { } gb)
            {
                continue;
            }

            var c = copy.GroupFor(g);
            if (gb.SidesLive)
            {
                c.EnsureSides();
            }

            for (var s = 0; s < 3; s++)
            {
                c.States[s].CopyFrom(gb.States[s]);
                c.Figures[s] = gb.Figures[s];
            }

            c.Bids = gb.Bids;
            c.Asks = gb.Asks;
            c.SpotOrders = gb.SpotOrders;
            c.SpotOrderCost = gb.SpotOrderCost;
        }

        return copy;
    }
}

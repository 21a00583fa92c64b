using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>An empty book against <paramref name="model"/>, for reuse with <see cref="Reset"/> and the Load methods.</summary>
    public static AccountBook Empty(RiskModel model) => new(model, MarginRegime.Pm);

    /// <summary>
    /// Empties the book for another account, keeping every array (exchange-core style: re-initialised,
    /// not reallocated). Load the holdings, then call <see cref="Rebuild"/>.
    /// </summary>
    public void Reset(RiskModel model, MarginRegime regime, AccountState? previousState)
    {
        if (!ReferenceEquals(model.Layout, Model.Layout))
        {
            Balances = new double[model.Assets.Length];
            SpotFill = new double[model.Assets.Length];
            Groups = new GroupBook?[model.Groups.Length];
            _pool = null;
        }

        Model = model;
        Regime = regime;
        _previousState = previousState;
        Array.Clear(Balances);
        Array.Clear(Holdings, 0, HoldingCount);
        HoldingCount = 0;
        Array.Clear(Orders, 0, OrderCount);
        OrderCount = 0;
        Invalidate();
    }

    /// <summary>Loads a balance by asset index (no validation: for replicas built from a valid book).</summary>
    public void LoadBalance(int asset, double qty) => Balances[asset] = qty;

    /// <summary>Loads a position by instrument index.</summary>
    public void LoadPosition(int instrument, double qty, double entry, double funding)
    {
        ref var h = ref HoldingFor(instrument);
        h.Qty = qty;
        h.Entry = entry;
        h.Funding = funding;
    }

    /// <summary>Loads a resting order by instrument index.</summary>
    public void LoadOrder(int instrument, Side side, double qty, double price)
    {
        if (OrderCount == Orders.Length)
        {
            Array.Resize(ref Orders, GrownOrders(Orders.Length));
        }

        Orders[OrderCount++] = new OrderEntry { Instrument = instrument, Side = side, Qty = qty, Price = price };
        if (!Model.Instruments[instrument].Kind.IsCash())
        {
            AdjustResting(instrument, side, qty);
        }
    }
}

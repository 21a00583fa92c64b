using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Accounts;

/// <summary>
/// The risk core's live view of one account against a <see cref="RiskModel"/>: balances, positions
/// and resting orders, plus each touched group's scenario vectors in every fill state. Mutations
/// update the vectors incrementally (q × risk array); <see cref="Rebuild"/> recomputes them from
/// scratch. Single-threaded by design: the account grain is its only writer.
/// </summary>
public sealed partial class AccountBook
{
    internal double[] Balances;
    internal double[] SpotFill;
    // Sized by what the account holds, not by the catalog: most accounts hold one or two instruments, and an
    // active account's book is a large share of its activation's bytes (issue 16). They grow (amortised) when a
    // holding or an order past their length is added; a check that only evaluates allocates nothing.
    internal Holding[] Holdings = [];
    internal int HoldingCount;
    internal OrderEntry[] Orders = [];
    internal int OrderCount;
    internal GroupBook?[] Groups;

    // The group books of the last rebuild, reused by the next one (the monitor's scratch books rebuild account
    // after account without allocating). Made by the first rebuild that finds group books: a book built once
    // from its portfolio, as an account grain's is, never needs it.
    private GroupBook?[]? _pool;
    private AccountState? _previousState;

    private AccountBook(RiskModel model, MarginRegime regime)
    {
        Model = model;
        Regime = regime;
        Balances = new double[model.Assets.Length];
        SpotFill = new double[model.Assets.Length];
        Groups = new GroupBook?[model.Groups.Length];
    }

    /// <summary>The model the exposures were computed against.</summary>
    public RiskModel Model { get; private set; }

    /// <summary>PM or STD.</summary>
    public MarginRegime Regime { get; private set; }

    /// <summary>The state last reported (drives the liquidation hysteresis).</summary>
    public AccountState? PreviousState
    {
        get => _previousState;
        set
        {
            _previousState = value;
            Invalidate();
        }
    }

    /// <summary>Builds a book from a plain portfolio.</summary>
    /// <exception cref="RiskInputException">Unknown asset or instrument, or a non-finite quantity or price.</exception>
    public static AccountBook Create(RiskModel model, Portfolio portfolio)
    {
        var book = new AccountBook(model, portfolio.Regime) { PreviousState = portfolio.PreviousState };
        foreach (var (code, qty) in portfolio.Balances)
        {
            var a = model.TryGetAsset(code, out var ai) ? ai : throw new RiskInputException($"balances.{code}", "unknown asset");
            book.Balances[a] = Finite(qty, $"balances.{code}");
        }

        foreach (var p in portfolio.Positions)
        {
            var i = model.TryGetInstrument(p.Instrument, out var ii) ? ii : throw new RiskInputException($"positions.{p.Instrument}", "unknown instrument");
            if (model.Instruments[i].Kind.IsCash())
            {
                throw new RiskInputException($"positions.{p.Instrument}", "a spot or stock holding is a balance, not a position");
            }

            ref var h = ref book.HoldingFor(i);
            h.Qty += Finite(p.Qty, $"positions.{p.Instrument}.qty");
            h.Entry = Finite(p.Entry, $"positions.{p.Instrument}.entry");
            h.Funding += Finite(p.Funding, $"positions.{p.Instrument}.funding");
        }

        foreach (var o in portfolio.Orders)
        {
            book.ValidateOrder(o.Instrument, o.Side, o.Qty, o.Price, out var risk);
            book.AppendOrder(o);
            if (!risk.Kind.IsCash())
            {
                book.AdjustResting(risk.Index, o.Side, o.Qty);
            }
        }

        book.Rebuild(model);
        return book;
    }

    /// <summary>A plain description of the book's holdings.</summary>
    public Portfolio ToPortfolio()
    {
        var balances = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var a = 0; a < Balances.Length; a++)
        {
            if (Balances[a] != 0)
            {
                balances[Model.Assets[a].Rule.Name] = Balances[a];
            }
        }

        var positions = new List<Position>();
        for (var k = 0; k < HoldingCount; k++)
        {
            ref var h = ref Holdings[k];
            if (h.Qty != 0 || h.Funding != 0)
            {
                positions.Add(new Position(Model.Instruments[h.Instrument].Spec.Id, h.Qty, h.Entry, h.Funding));
            }
        }

        var orders = new List<RestingOrder>(OrderCount);
        for (var k = 0; k < OrderCount; k++)
        {
            ref var o = ref Orders[k];
            orders.Add(new RestingOrder(Model.Instruments[o.Instrument].Spec.Id, o.Side, o.Qty, o.Price, o.OrderId));
        }

        return new Portfolio { Regime = Regime, Balances = balances, Positions = positions, Orders = orders, PreviousState = PreviousState };
    }

    /// <summary>Full recompute: every exposure rebuilt from the holdings against <paramref name="model"/>.</summary>
    public void Rebuild(RiskModel model)
    {
        Invalidate();
        if (!ReferenceEquals(model.Layout, Model.Layout))
        {
            Remap(model);
        }

        Model = model;

        // Group books come back from the pool, cleared, as the holdings touch them.
        Pool();
        Array.Clear(Groups);
        Array.Clear(SpotFill);
        for (var k = 0; k < OrderCount; k++)
        {
            ref var o = ref Orders[k];
            var risk = model.Instruments[o.Instrument];
            if (risk.Kind.IsCash())
            {
                AddSpotFill(risk, o.Side, o.Qty, o.Price, +1);
                CountSpot(risk, +1);
            }
            else
            {
                var gb = GroupFor(risk.Group);
                gb.EnsureSides();
                if (o.Side == Side.Buy)
                {
                    gb.Bids++;
                }
                else
                {
                    gb.Asks++;
                }
            }
        }

        Accumulate(default);
        for (var g = 0; g < Groups.Length; g++)
        {
            if (Groups[g] is not null)
            {
                Refresh(g);
            }
        }
    }

    internal ref Holding HoldingFor(int instrument)
    {
        for (var k = 0; k < HoldingCount; k++)
        {
            if (Holdings[k].Instrument == instrument)
            {
                return ref Holdings[k];
            }
        }

        if (HoldingCount == Holdings.Length)
        {
            Array.Resize(ref Holdings, Math.Max(1, Holdings.Length * 2));
        }

        ref var h = ref Holdings[HoldingCount++];
        h = new Holding { Instrument = instrument };
        return ref h;
    }

    internal int FindHolding(int instrument)
    {
        for (var k = 0; k < HoldingCount; k++)
        {
            if (Holdings[k].Instrument == instrument)
            {
                return k;
            }
        }

        return -1;
    }

    internal GroupBook GroupFor(int group)
    {
        if (Groups[group] is { } gb)
        {
            return gb;
        }

        var scenarios = Model.Groups[group].Scenarios;
        var pooled = _pool?[group];
        if (pooled is null || pooled.Scenarios != scenarios)
        {
            pooled = new GroupBook(group, scenarios);
            if (_pool is not null)
            {
                _pool[group] = pooled;
            }
        }
        else
        {
            pooled.Clear();
        }

        return Groups[group] = pooled;
    }

    /// <summary>Keeps the group books for reuse before a rebuild drops them (the pool is made on the first need).</summary>
    private void Pool()
    {
        if (_pool is not null)
        {
            return;
        }

        for (var g = 0; g < Groups.Length; g++)
        {
            if (Groups[g] is not null)
            {
                // Every book made since the last rebuild is still in Groups: no group book is ever dropped between rebuilds.
                _pool = (GroupBook?[])Groups.Clone();
                return;
            }
        }
    }

    /// <summary>The next length of the orders array: four, then half as many again (an account resting five orders keeps six slots, not eight).</summary>
    internal static int GrownOrders(int length) => length < 4 ? 4 : length + length / 2;

    /// <summary>Open loss and fee reserve of an order at the current marks (Rulebook §3.8, §4 item 18).</summary>
    internal void Costs(InstrumentRisk risk, Side side, double qty, double price, out double openLoss, out double fee)
    {
        openLoss = qty * risk.OpenLossPerContract(side == Side.Buy ? 1 : -1, price);
        fee = Model.Rulebook.TakerFeeReserve * qty * risk.FeeBasePerContract(price);
    }

    /// <summary>Σ q·mult over the holdings in one (expiry, strike) slot of a group, in a fill state.</summary>
    internal double SlotNet(int group, int slot, FillState state)
    {
        double net = 0;
        for (var k = 0; k < HoldingCount; k++)
        {
            var risk = Model.Instruments[Holdings[k].Instrument];
            if (risk.SomSlot == slot && risk.Group == group)
            {
                net += Holdings[k].Net(state) * risk.Multiplier;
            }
        }

        return net;
    }

    private static double Finite(double v, string field)
        => double.IsFinite(v) ? v : throw new RiskInputException(field, $"{v} is not a finite number");
}

using Grid.Risk.Instruments;
using Grid.Risk.Market;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>Number of resting orders.</summary>
    public int RestingOrderCount => OrderCount;

    /// <summary>Rests an accepted order: its margin is reserved from now on.</summary>
    /// <exception cref="RiskInputException">Unknown instrument or an invalid quantity or price.</exception>
    public void AddOrder(RestingOrder order)
    {
        ValidateOrder(order.Instrument, order.Side, order.Qty, order.Price, out var risk);
        var k = AppendOrder(order);
        ApplyOrder(risk, ref Orders[k], +1);
        RefreshFor(risk);
    }

    /// <summary>Reduces (or removes, when <paramref name="qty"/> covers it) the resting order at <paramref name="index"/>.</summary>
    public void ReduceOrder(int index, double qty)
    {
        if ((uint)index >= (uint)OrderCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        ref var o = ref Orders[index];
        var risk = Model.Instruments[o.Instrument];
        ApplyOrder(risk, ref o, -1);
        if (qty >= o.Qty || o.Qty - qty <= o.Qty * 1e-12)
        {
            Orders[index] = Orders[--OrderCount];
            Orders[OrderCount] = default;
            CompactHoldings();
        }
        else
        {
            o.Qty -= qty;
            ApplyOrder(risk, ref o, +1);
        }

        RefreshFor(risk);
    }

    // Figures are refreshed once the order list is consistent: spot order costs read it.
    private void RefreshFor(InstrumentRisk risk)
    {
        if (risk.Kind.IsCash())
        {
            RefreshSpotGroups(risk);
        }
        else
        {
            Refresh(risk.Group);
        }
    }

    /// <summary>Sets the remaining quantity of the resting order at <paramref name="index"/> (0 removes it).</summary>
    public void SetOrderQty(int index, double qty)
    {
        if ((uint)index >= (uint)OrderCount || !(qty >= 0) || !double.IsFinite(qty))
        {
            throw new RiskInputException("order.qty", $"{qty} is not a valid remaining quantity");
        }

        ReduceOrder(index, Orders[index].Qty - qty);
        if (qty > 0)
        {
            var k = FindOrderIndexAfterReduce(index, qty);
            Orders[k].Qty = qty;
        }
    }

    private int FindOrderIndexAfterReduce(int index, double qty) => index < OrderCount ? index : OrderCount - 1;

    /// <summary>Index of the resting order with client id <paramref name="orderId"/>, or −1.</summary>
    public int FindOrder(string orderId)
    {
        for (var k = 0; k < OrderCount; k++)
        {
            if (string.Equals(Orders[k].OrderId, orderId, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The resting order at <paramref name="index"/>.</summary>
    public RestingOrder OrderAt(int index)
    {
        ref var o = ref Orders[index];
        return new RestingOrder(Model.Instruments[o.Instrument].Spec.Id, o.Side, o.Qty, o.Price, o.OrderId);
    }

    internal int AppendOrder(RestingOrder order)
    {
        var i = Model.Instrument(order.Instrument).Index;
        if (OrderCount == Orders.Length)
        {
            Array.Resize(ref Orders, GrownOrders(Orders.Length));
        }

        Orders[OrderCount] = new OrderEntry { OrderId = order.OrderId, Instrument = i, Side = order.Side, Qty = order.Qty, Price = order.Price };
        return OrderCount++;
    }

    /// <summary>Moves a holding's resting total; returns the holding's slot.</summary>
    internal int AdjustResting(int instrument, Side side, double qty)
    {
        ref var h = ref HoldingFor(instrument);
        if (side == Side.Buy)
        {
            h.BidQty += qty;
        }
        else
        {
            h.AskQty += qty;
        }

        return FindHolding(instrument);
    }

    /// <summary>Adds (sign +1) or removes (−1) an order's effect on the resting totals and the exposures.</summary>
    private void ApplyOrder(InstrumentRisk risk, ref OrderEntry o, int sign)
    {
        if (risk.Kind.IsCash())
        {
            ApplySpotOrder(risk, o.Side, o.Qty, o.Price, sign);
            return;
        }

        var state = o.Side == Side.Buy ? FillState.Bids : FillState.Asks;
        var gb = GroupFor(risk.Group);
        gb.EnsureSides();
        var exposure = gb.States[(int)state];
        var k = AdjustResting(risk.Index, o.Side, 0);
        var from = Holdings[k].Net(state);
        AdjustResting(risk.Index, o.Side, sign * o.Qty);
        var to = Holdings[k].Net(state);
        MoveShortOptionMinimum(risk, exposure, state, from, to);
        exposure.MoveInstrument(risk, from, to);
        if (sign > 0)
        {
            Costs(risk, o.Side, o.Qty, o.Price, out o.OpenLoss, out o.Fee);
        }

        exposure.OpenLoss += sign * o.OpenLoss;
        exposure.FeeReserve += sign * o.Fee;
        if (state == FillState.Bids)
        {
            gb.Bids += sign;
        }
        else
        {
            gb.Asks += sign;
        }
    }

    /// <summary>Updates the per-strike short-option minimum after a holding's net moved in one fill state.</summary>
    internal void MoveShortOptionMinimum(InstrumentRisk risk, Margin.Exposure exposure, FillState state, double from, double to)
    {
        var group = Model.Groups[risk.Group];
        if (risk.SomSlot < 0 || group.Rule.SomRate == 0 || from == to)
        {
            return;
        }

        var after = SlotNet(risk.Group, risk.SomSlot, state);
        var before = after - (to - from) * risk.Multiplier;
        exposure.SomStrike += group.Rule.SomRate * group.SlotForwards[risk.SomSlot] * (Math.Max(0, -after) - Math.Max(0, -before));
    }

    private void ApplySpotOrder(InstrumentRisk risk, Side side, double qty, double price, int sign)
    {
        var baseAsset = Model.Assets[risk.BaseAsset];
        var quoteAsset = Model.Assets[risk.QuoteAsset];
        var baseBefore = SpotFill[risk.BaseAsset];
        var quoteBefore = SpotFill[risk.QuoteAsset];
        AddSpotFill(risk, side, qty, price, sign);
        CountSpot(risk, sign);
        MoveSideBalance(baseAsset, baseBefore, SpotFill[risk.BaseAsset]);
        MoveSideBalance(quoteAsset, quoteBefore, SpotFill[risk.QuoteAsset]);
    }

    private void MoveSideBalance(AssetRisk asset, double fillBefore, double fillAfter)
    {
        if (asset.Group < 0)
        {
            return;
        }

        var gb = GroupFor(asset.Group);
        gb.EnsureSides();
        var b = Balances[asset.Index];
        gb.States[1].MoveBalance(asset, b + fillBefore, b + fillAfter);
        gb.States[2].MoveBalance(asset, b + fillBefore, b + fillAfter);
    }

    internal void RefreshSpotGroups(InstrumentRisk risk)
    {
        var g1 = Model.Assets[risk.BaseAsset].Group;
        var g2 = Model.Assets[risk.QuoteAsset].Group;
        if (g1 >= 0)
        {
            Refresh(g1);
        }

        if (g2 >= 0 && g2 != g1)
        {
            Refresh(g2);
        }

        if (risk.Group >= 0 && risk.Group != g1 && risk.Group != g2)
        {
            Refresh(risk.Group);
        }
    }

    /// <summary>A spot or stock fill at the limit: base ±q, quote ∓q·px, the fee reserve added to a buy's
    /// cost and taken from a sell's proceeds (Rulebook §4 item 26).</summary>
    internal void AddSpotFill(InstrumentRisk risk, Side side, double qty, double price, int sign)
    {
        SpotFillDelta(risk, side, qty, price, out var dBase, out var dQuote);
        SpotFill[risk.BaseAsset] += sign * dBase;
        SpotFill[risk.QuoteAsset] += sign * dQuote;
    }

    internal void SpotFillDelta(InstrumentRisk risk, Side side, double qty, double price, out double dBase, out double dQuote)
    {
        var notional = qty * price;
        var fee = Model.Rulebook.TakerFeeReserve * notional;
        dBase = side == Side.Buy ? qty : -qty;
        dQuote = side == Side.Buy ? -(notional + fee) : notional - fee;
    }

    private void CountSpot(InstrumentRisk risk, int sign)
    {
        var g1 = Model.Assets[risk.BaseAsset].Group;
        var g2 = Model.Assets[risk.QuoteAsset].Group;
        if (g1 >= 0)
        {
            var gb = GroupFor(g1);
            gb.EnsureSides();
            gb.SpotOrders += sign;
        }

        if (g2 >= 0 && g2 != g1)
        {
            var gb = GroupFor(g2);
            gb.EnsureSides();
            gb.SpotOrders += sign;
        }
    }

    internal void ValidateOrder(string instrument, Side side, double qty, double price, out InstrumentRisk risk)
    {
        risk = Model.TryGetInstrument(instrument, out var i) ? Model.Instruments[i] : throw new RiskInputException("order.instrument", $"unknown instrument {instrument}");
        if (side is not (Side.Buy or Side.Sell))
        {
            throw new RiskInputException("order.side", "must be buy or sell");
        }

        if (!(qty > 0) || !double.IsFinite(qty))
        {
            throw new RiskInputException("order.qty", $"{qty} must be a positive number");
        }

        if (!(price > 0) || !double.IsFinite(price))
        {
            throw new RiskInputException("order.price", $"{price} must be a positive number");
        }
    }

    private void CompactHoldings()
    {
        var w = 0;
        for (var k = 0; k < HoldingCount; k++)
        {
            if (!Holdings[k].IsEmpty)
            {
                Holdings[w++] = Holdings[k];
            }
        }

        Array.Clear(Holdings, w, HoldingCount - w);
        HoldingCount = w;
    }
}

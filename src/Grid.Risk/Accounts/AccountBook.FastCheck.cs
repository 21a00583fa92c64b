using Grid.Risk.Decisions;
using Grid.Risk.Margin;
using Grid.Risk.Market;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>
    /// PM check of a derivative order without copying or mutating the book: the order's group is
    /// previewed in its side state (O(scenarios)); every other group comes from the cached figures.
    /// Agrees with <see cref="CheckReference"/> (tested on every conformance case and random books).
    /// </summary>
    private PreTradeResult CheckFast(InstrumentRisk risk, Side side, double qty, double price)
    {
        var g = risk.Group;
        var gb = GroupFor(g);
        ref readonly var before = ref Current;
        var mmf = Model.Rulebook.MmFraction;

        var buy = side == Side.Buy;
        var state = buy ? FillState.Bids : FillState.Asks;
        var k = FindHolding(risk.Index);
        var dq = buy ? qty : -qty;
        Costs(risk, side, qty, price, out var openLoss, out var fee);

        // Order-inclusive: the order's side state with the order, then the worse side of the group.
        var from = k >= 0 ? Holdings[k].Net(state) : 0;
        var candidate = Preview(gb, risk, state, from, from + dq);
        var e = gb.State(state);
        var candidateCost = e.OpenLoss + openLoss + e.FeeReserve + fee + gb.SpotOrderCost;
        var chosen = gb.Figures[0];
        var chosenCost = 0.0;
        var max = chosen.GroupIm;
        foreach (var s in (ReadOnlySpan<FillState>)[FillState.Bids, FillState.Asks])
        {
            GroupFigures f;
            double cost;
            if (s == state)
            {
                (f, cost) = (candidate, candidateCost);
            }
            else if (gb.Has(s))
            {
                f = gb.Figures[(int)s];
                cost = gb.SideSum(s) - f.GroupIm;
            }
            else
            {
                continue;
            }

            if (f.GroupIm + cost > max)
            {
                (chosen, chosenCost, max) = (f, cost, f.GroupIm + cost);
            }
        }

        var im = TotalIm(false, g, chosen, chosenCost, out var costs, out var credit, out _, default, null);

        // Positions only, after the order fills at its limit: MM′ for the risk-reducing test.
        var qtyNow = k >= 0 ? Holdings[k].Qty : 0;
        var filledFigures = Preview(gb, risk, FillState.None, qtyNow, qtyNow + dq);
        var mmAfter = mmf * TotalIm(true, g, filledFigures, 0, out _, out _, out _, default, null);
        return Decide(before.Ae, costs, im, credit, before.Mm, mmAfter, before.Im, before.State, openLoss, fee, openLoss + fee);
    }

    private GroupFigures Preview(GroupBook gb, InstrumentRisk risk, FillState state, double from, double to)
    {
        var group = Model.Groups[risk.Group];
        var somChange = 0.0;
        if (risk.SomSlot >= 0 && group.Rule.SomRate != 0)
        {
            var before = SlotNet(risk.Group, risk.SomSlot, state);
            var after = before + (to - from) * risk.Multiplier;
            somChange = group.Rule.SomRate * group.SlotForwards[risk.SomSlot] * (Math.Max(0, -after) - Math.Max(0, -before));
        }

        return gb.State(state).Preview(group, risk, from, to, somChange);
    }
}

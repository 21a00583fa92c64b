using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>
    /// Moves the book onto <paramref name="model"/>, a later model of the same layout and rulebook,
    /// repricing only the groups whose inputs moved in between (<see cref="RiskModel.MovedGroups"/>): their
    /// scenario vectors, order costs and short-option minima are recomputed from the holdings and the new
    /// model's per-instrument arrays; every other group keeps its vectors untouched. No allocation for up to
    /// 256 groups. The figures equal a book built from scratch on <paramref name="model"/>.
    /// </summary>
    /// <returns>False when the layout or the rulebook changed, or an asset gained or lost its price: the caller
    /// rebuilds (the book is left as it was).</returns>
    /// <exception cref="RiskInputException">The new market cannot value what the account holds (the book is then
    /// half-moved: rebuild it).</exception>
    public bool TryRebase(RiskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var old = Model;
        if (ReferenceEquals(model, old))
        {
            return true;
        }

        if (!ReferenceEquals(model.Layout, old.Layout) || !ReferenceEquals(model.Rulebook, old.Rulebook))
        {
            return false;
        }

        // An asset that gained or lost its price entered or left its group: the group books' shape changes.
        for (var a = 0; a < Balances.Length; a++)
        {
            if (model.Assets[a].Group != old.Assets[a].Group)
            {
                return false;
            }
        }

        var n = Groups.Length;
        Span<bool> moved = n <= 256 ? stackalloc bool[n] : new bool[n];
        var any = false;
        for (var g = 0; g < n; g++)
        {
            if (Groups[g] is { } gb && !ReferenceEquals(model.Groups[g], old.Groups[g]))
            {
                moved[g] = any = true;
                for (var s = 0; s < gb.LiveStates; s++)
                {
                    gb.States[s].Reset();
                }
            }
        }

        Model = model;
        Invalidate();
        if (any)
        {
            Accumulate(moved);
        }

        for (var g = 0; g < n; g++)
        {
            // Spot order costs value assets of other groups and STD lines read balances: refresh their figures.
            if (Groups[g] is { } gb && (moved[g] || gb.SpotOrders > 0 || Regime == MarginRegime.Std))
            {
                Refresh(g);
            }
        }

        return true;
    }

    // Adds every contribution to the exposures of the groups in `only` (every group when empty) whose
    // vectors are empty: order costs, positions and resting totals in each fill state, short-option
    // minima, balances. Group books exist (or are created) and their order counts are set.
    private void Accumulate(ReadOnlySpan<bool> only)
    {
        var all = only.IsEmpty;
        var model = Model;
        for (var k = 0; k < OrderCount; k++)
        {
            ref var o = ref Orders[k];
            var risk = model.Instruments[o.Instrument];
            if (!risk.Kind.IsCash() && (all || only[risk.Group]))
            {
                Costs(risk, o.Side, o.Qty, o.Price, out o.OpenLoss, out o.Fee);
                var side = GroupFor(risk.Group).States[o.Side == Side.Buy ? 1 : 2];
                side.OpenLoss += o.OpenLoss;
                side.FeeReserve += o.Fee;
            }
        }

        for (var k = 0; k < HoldingCount; k++)
        {
            ref var h = ref Holdings[k];
            var risk = model.Instruments[h.Instrument];
            if (all || only[risk.Group])
            {
                var gb = GroupFor(risk.Group);
                for (var s = 0; s < gb.LiveStates; s++)
                {
                    gb.States[s].MoveInstrument(risk, 0, h.Net((FillState)s));
                }
            }
        }

        AccumulateShortOptionMinimum(only);
        for (var a = 0; a < Balances.Length; a++)
        {
            var asset = model.Assets[a];
            if (asset.Group >= 0 && (all || only[asset.Group]) && (Balances[a] != 0 || SpotFill[a] != 0))
            {
                var gb = GroupFor(asset.Group);
                gb.States[0].MoveBalance(asset, 0, Balances[a]);
                if (gb.SidesLive)
                {
                    gb.States[1].MoveBalance(asset, 0, Balances[a] + SpotFill[a]);
                    gb.States[2].MoveBalance(asset, 0, Balances[a] + SpotFill[a]);
                }
            }
        }
    }

    // Per-strike short-option minimum of every state of the groups in `only` (all when empty), from
    // scratch: option holdings sorted by (group, slot) so each slot's net is summed once (O(H log H)).
    private void AccumulateShortOptionMinimum(ReadOnlySpan<bool> only)
    {
        Span<long> keys = HoldingCount <= 512 ? stackalloc long[HoldingCount] : new long[HoldingCount];
        var n = 0;
        for (var k = 0; k < HoldingCount; k++)
        {
            var risk = Model.Instruments[Holdings[k].Instrument];
            if (risk.SomSlot >= 0 && (only.IsEmpty || only[risk.Group]) && Model.Groups[risk.Group].Rule.SomRate != 0)
            {
                keys[n++] = ((long)risk.Group << 44) | ((long)risk.SomSlot << 20) | (uint)k;
            }
        }

        keys = keys[..n];
        keys.Sort();
        Span<double> net = stackalloc double[3];
        for (var start = 0; start < n;)
        {
            var slotKey = keys[start] >> 20;
            var end = start;
            net.Clear();
            for (; end < n && keys[end] >> 20 == slotKey; end++)
            {
                ref var h = ref Holdings[(int)(keys[end] & 0xFFFFF)];
                var multiplier = Model.Instruments[h.Instrument].Multiplier;
                for (var s = 0; s < 3; s++)
                {
                    net[s] += h.Net((FillState)s) * multiplier;
                }
            }

            var group = (int)(slotKey >> 24);
            var slot = (int)(slotKey & 0xFFFFFF);
            var gb = Groups[group]!;
            var rule = Model.Groups[group];
            var perUnit = rule.Rule.SomRate * rule.SlotForwards[slot];
            for (var s = 0; s < gb.LiveStates; s++)
            {
                gb.States[s].SomStrike += perUnit * Math.Max(0, -net[s]);
            }

            start = end;
        }
    }
}

using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>Every figure of the account now (allocates: the report path, not the check path).</summary>
    public MarginReport Evaluate()
    {
        var cv = CollateralValue();
        var dv = DerivativeValue();
        var ae = cv + dv;
        var n = Groups.Length;
        var creditsPos = new double[n];
        var creditsAll = new double[n];
        var lines = new List<CreditLine>();
        var imPositions = TotalIm(true, -1, default, 0, out _, out _, out var stdMm, creditsPos, null);
        var im = TotalIm(false, -1, default, 0, out var orderCosts, out var creditTotal, out _, creditsAll, lines);
        var mm = Maintenance(imPositions, stdMm);
        var liquidationEnd = Model.Rulebook.LiqEndFraction * imPositions;
        var state = StateOf(ae, mm, imPositions, ae - orderCosts, im * ImBuffer);
        var statePositions = StateOf(ae, mm, imPositions, ae, imPositions * ImBuffer);
        (im, imPositions) = (im * ImBuffer, imPositions * ImBuffer);
        var aeAfter = ae - orderCosts;

        var collateral = new Dictionary<string, double>(StringComparer.Ordinal);
        double raw = 0;
        for (var a = 0; a < Balances.Length; a++)
        {
            if (Balances[a] != 0)
            {
                collateral[Model.Assets[a].Rule.Name] = CollateralValue(a, Balances[a]);
                raw += Balances[a] * Model.Assets[a].Price;
            }
        }

        var groups = new Dictionary<string, GroupReport>(StringComparer.Ordinal);
        var groupsPositions = new Dictionary<string, GroupReport>(StringComparer.Ordinal);
        double spotCosts = SpotOrderCost(-1);
        for (var g = 0; g < n; g++)
        {
            if (Groups[g] is not { } gb || !Reported(gb))
            {
                continue;
            }

            var name = Model.Groups[g].Name;
            var side = gb.Worst();
            var sides = new Dictionary<FillState, double>();
            var tie = false;
            foreach (var s in (ReadOnlySpan<FillState>)[FillState.None, FillState.Bids, FillState.Asks])
            {
                if (gb.Has(s))
                {
                    sides[s] = gb.SideSum(s);
                    tie |= s != side && sides[s] == gb.SideSum(side);
                }
            }

            var chosen = gb.States[(int)side];
            if (side != FillState.None)
            {
                spotCosts += gb.SpotOrderCost;
            }

            groups[name] = new GroupReport
            {
                Group = name,
                Figures = gb.Figures[(int)side],
                Credit = creditsAll[g],
                Wpr = Wpr(lines, name, gb.Figures[(int)side]),
                Side = side,
                OpenLoss = side == FillState.None ? 0 : chosen.OpenLoss,
                FeeReserve = side == FillState.None ? 0 : chosen.FeeReserve,
                SpotOrderCosts = side == FillState.None ? 0 : gb.SpotOrderCost,
                SideRequirements = sides,
                SideTie = tie,
                Lines = Regime == MarginRegime.Std ? StdLines(g, side) : [],
            };
            if (!HoldsIn(g))
            {
                continue;
            }

            groupsPositions[name] = new GroupReport
            {
                Group = name,
                Figures = gb.Figures[0],
                Credit = creditsPos[g],
                Side = FillState.None,
                ScenarioPnl = (double[])gb.States[0].Pnl.Clone(),
                Lines = Regime == MarginRegime.Std ? StdLines(g, FillState.None) : [],
            };
        }

        return new MarginReport
        {
            Regime = Regime,
            Ae = ae,
            Cv = cv,
            Dv = dv,
            RawCollateral = raw,
            Im = im,
            Mm = mm,
            ImPositions = imPositions,
            OrderCosts = orderCosts,
            SpotOrderCosts = spotCosts,
            AeAfterOrderCosts = aeAfter,
            Available = Math.Max(0, aeAfter - im),
            Excess = aeAfter - im,
            Health = ae - mm,
            State = state,
            StatePositionsOnly = statePositions,
            LiquidationEnd = liquidationEnd,
            CreditTotal = creditTotal,
            Credits = lines,
            Collateral = collateral,
            Groups = groups,
            GroupsPositions = groupsPositions,
        };
    }

    // A group is reported when something in it is held or ordered, or a balance enters it.
    private bool Reported(GroupBook gb) => !gb.IsIdle || HoldsIn(gb.Group);

    // True when a position or a balance (not just an order) sits in the group.
    private bool HoldsIn(int g)
    {
        for (var k = 0; k < HoldingCount; k++)
        {
            if (Holdings[k].Qty != 0 && Model.Instruments[Holdings[k].Instrument].Group == g)
            {
                return true;
            }
        }

        for (var a = 0; a < Balances.Length; a++)
        {
            if (Balances[a] != 0 && Model.Assets[a].Group == g)
            {
                return true;
            }
        }

        return false;
    }

    private static double? Wpr(List<CreditLine> lines, string group, GroupFigures f)
    {
        foreach (var l in lines)
        {
            if (l.GroupA == group || l.GroupB == group)
            {
                return f.Scan / Math.Abs(f.Delta);
            }
        }

        return null;
    }

    private IReadOnlyList<StdLine> StdLines(int g, FillState state)
    {
        var lines = new List<StdLine>();
        StdRequirement.Of(this, g, state, lines);
        return lines;
    }
}

using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>
    /// IM after credits over every group, each in its chosen fill state: the worse side of the
    /// order-inclusive figures, or positions only (Rulebook §3.8, §4 items 9 and 15).
    /// </summary>
    /// <param name="positionsOnly">Ignore resting orders.</param>
    /// <param name="orderCosts">Open loss, fee reserve and spot order costs of the chosen sides.</param>
    /// <param name="credit">Inter-group credits granted.</param>
    /// <param name="maintenance">STD: Σ group maintenance; PM: 0 (the caller applies mmFraction).</param>
    internal double TotalIm(bool positionsOnly, out double orderCosts, out double credit, out double maintenance)
        => TotalIm(positionsOnly, -1, default, 0, out orderCosts, out credit, out maintenance, default, null);

    /// <summary>As above, with group <paramref name="overrideGroup"/> replaced by a previewed figure and side cost.</summary>
    internal double TotalIm(
        bool positionsOnly, int overrideGroup, in GroupFigures overrideFigures, double overrideCost,
        out double orderCosts, out double credit, out double maintenance, Span<double> perGroupCredit, List<CreditLine>? lines)
    {
        var n = Groups.Length;
        Span<double> scans = n <= 64 ? stackalloc double[n] : new double[n];
        Span<double> deltas = n <= 64 ? stackalloc double[n] : new double[n];
        double im = 0, costs = 0, mm = 0;
        for (var g = 0; g < n; g++)
        {
            var gb = Groups[g];
            GroupFigures f;
            double cost;
            if (g == overrideGroup)
            {
                f = overrideFigures;
                cost = overrideCost;
            }
            else if (gb is null)
            {
                scans[g] = double.NaN;
                continue;
            }
            else
            {
                var side = positionsOnly ? FillState.None : gb.Worst();
                f = gb.Figures[(int)side];
                cost = side == FillState.None ? 0 : gb.SideSum(side) - f.GroupIm;
            }

            scans[g] = f.Scan;
            deltas[g] = f.Delta;
            im += f.GroupIm;
            mm += f.Maintenance;
            costs += cost;
        }

        credit = Regime == MarginRegime.Pm ? InterGroupCredits.Compute(Model, scans, deltas, perGroupCredit, lines) : 0;
        orderCosts = positionsOnly ? 0 : costs + SpotOrderCost(-1);
        maintenance = mm;
        return im - credit;
    }

    /// <summary>
    /// The anti-procyclicality buffer's IM multiplier (Rulebook §5.5): 1 + b for a PM account, 1 for
    /// STD. It scales the IM the account is held to (order-inclusive and positions-only), never MM nor
    /// the liquidation end, so releasing it moves no liquidation threshold.
    /// </summary>
    internal double ImBuffer => Regime == MarginRegime.Pm ? 1 + Model.Rulebook.Apc.Buffer : 1;

    /// <summary>Maintenance margin of positions only (Rulebook §4 item 16): mmFraction × IM (PM) or Σ MM lines (STD).</summary>
    internal double Maintenance(double imPositions, double stdMaintenance)
        => Regime == MarginRegime.Pm ? Model.Rulebook.MmFraction * imPositions : stdMaintenance;

    /// <summary>The state decided in the order of Rulebook §4 item 16.</summary>
    internal AccountState StateOf(double ae, double mm, double imPositions, double aeAfterCosts, double im)
    {
        if (ae < 0)
        {
            return AccountState.Bankrupt;
        }

        if (ae < mm)
        {
            return AccountState.Liquidate;
        }

        if (PreviousState is AccountState.Liquidate or AccountState.Bankrupt && ae < Model.Rulebook.LiqEndFraction * imPositions)
        {
            return AccountState.Liquidate;
        }

        return aeAfterCosts >= im ? AccountState.Ok : AccountState.ReduceOnly;
    }
}

using Grid.Risk.Margin;

namespace Grid.Risk.Accounts;

/// <summary>An account's exposures in one risk group, one per fill state, with their cached figures.</summary>
internal sealed class GroupBook
{
    public GroupBook(int group, int scenarios)
    {
        Group = group;
        States = [new Exposure(scenarios), new Exposure(scenarios), new Exposure(scenarios)];
    }

    public int Group { get; }

    /// <summary>Exposure per <see cref="FillState"/>.</summary>
    public Exposure[] States { get; }

    /// <summary>Resting derivative buys / sells in the group, and spot orders that move one of its assets.</summary>
    public int Bids, Asks, SpotOrders;

    /// <summary>Cached figures per fill state (valid after <see cref="AccountBook"/> refreshes them).</summary>
    public readonly GroupFigures[] Figures = new GroupFigures[3];

    /// <summary>Spot order cost of the group's own spot and stock orders (Rulebook §4 item 26).</summary>
    public double SpotOrderCost;

    /// <summary>True when the side state exists: orders on that side, or spot orders moving the group's assets.</summary>
    public bool Has(FillState state) => state switch
    {
        FillState.Bids => Bids > 0 || SpotOrders > 0,
        FillState.Asks => Asks > 0 || SpotOrders > 0,
        _ => true,
    };

    /// <summary>Side requirement: GroupIM + open loss + fee reserve + spot order cost (Rulebook §4 item 9).</summary>
    public double SideSum(FillState state)
    {
        var f = Figures[(int)state].GroupIm;
        if (state == FillState.None)
        {
            return f;
        }

        var e = States[(int)state];
        return f + e.OpenLoss + e.FeeReserve + SpotOrderCost;
    }

    /// <summary>The worse side: the largest side sum; ties keep none, then bids, then asks.</summary>
    public FillState Worst()
    {
        var best = FillState.None;
        var max = SideSum(FillState.None);
        foreach (var s in (ReadOnlySpan<FillState>)[FillState.Bids, FillState.Asks])
        {
            if (Has(s))
            {
                var v = SideSum(s);
                if (v > max)
                {
                    max = v;
                    best = s;
                }
            }
        }

        return best;
    }

    /// <summary>True when nothing is held, ordered or exposed in the group.</summary>
    public bool IsIdle => Bids == 0 && Asks == 0 && SpotOrders == 0;
}

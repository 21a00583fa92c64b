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

    /// <summary>Scenario count of the exposures.</summary>
    public int Scenarios => States[0].Pnl.Length;

    /// <summary>
    /// True once the side states (all bids, all asks) are maintained. Until the group sees an order they
    /// equal the positions state, so they are neither stored nor updated (most accounts rest no orders).
    /// </summary>
    public bool SidesLive { get; private set; }

    /// <summary>Number of fill states maintained: 1 (positions) or 3.</summary>
    public int LiveStates => SidesLive ? 3 : 1;

    /// <summary>The exposure of a fill state (the positions state stands in for sides not yet live).</summary>
    public Exposure State(FillState state) => SidesLive ? States[(int)state] : States[0];

    /// <summary>Materialises the side states from the positions state before the first order is applied.</summary>
    public void EnsureSides()
    {
        if (!SidesLive)
        {
            States[1].CopyFrom(States[0]);
            States[2].CopyFrom(States[0]);
            Figures[1] = Figures[2] = Figures[0];
            SidesLive = true;
        }
    }

    /// <summary>Back to empty, keeping the arrays (pooled books are reused across accounts).</summary>
    public void Clear()
    {
        for (var s = 0; s < LiveStates; s++)
        {
            States[s].Reset();
        }

        SidesLive = false;
        Bids = Asks = SpotOrders = 0;
        Array.Clear(Figures);
        SpotOrderCost = 0;
    }

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

        var e = State(state);
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

using Grid.Risk.Rulebooks;
using Grid.Risk.Scenarios;

namespace Grid.Risk.Market;

/// <summary>
/// A risk group compiled for a market: its rule, scenario grid, short-option-minimum slots and the
/// instant its options are valued at. A model whose market leaves the group's inputs where its
/// predecessor had them shares this object (and the group's instruments) with that predecessor, so
/// reference equality says "this group did not move" (<see cref="RiskModel.MovedGroups"/>).
/// </summary>
public sealed class GroupModel
{
    internal GroupModel(int index, GroupRule rule, ScenarioGrid grid, double[] slotForwards, DateTimeOffset instant)
    {
        Index = index;
        Rule = rule;
        Grid = grid;
        SlotForwards = slotForwards;
        Instant = instant;
    }

    /// <summary>
    /// The group's market instant: the newest observation among its own inputs (its assets' index, its
    /// instruments' marks, vols, arrays, span deltas and open interest, their underlyings' index,
    /// forwards and dividend yields), or the snapshot's <see cref="MarketSnapshot.AsOf"/> when the
    /// snapshot carries no observation times (default when it does but none of the group's keys is
    /// stamped). Its options' time to expiry is measured from it, so a tick elsewhere does not re-age them.
    /// </summary>
    public DateTimeOffset Instant { get; }

    /// <summary>Dense index in the model.</summary>
    public int Index { get; }

    /// <summary>The rule.</summary>
    public GroupRule Rule { get; }

    /// <summary>The scenarios.</summary>
    public ScenarioGrid Grid { get; }

    /// <summary>Scenario count J.</summary>
    public int Scenarios => Grid.Count;

    /// <summary>Forward of each (expiry, strike) slot, used by the per-strike short-option minimum.</summary>
    public double[] SlotForwards { get; }

    /// <summary>Group name.</summary>
    public string Name => Rule.Name;
}

using Grid.Risk.Rulebooks;
using Grid.Risk.Scenarios;

namespace Grid.Risk.Market;

/// <summary>A risk group compiled for a market: its rule, scenario grid and short-option-minimum slots.</summary>
public sealed class GroupModel
{
    internal GroupModel(int index, GroupRule rule, ScenarioGrid grid, double[] slotForwards)
    {
        Index = index;
        Rule = rule;
        Grid = grid;
        SlotForwards = slotForwards;
    }

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

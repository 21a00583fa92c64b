namespace Grid.Abstractions.House;

/// <summary>What started a house run (Rulebook §5.3).</summary>
public enum HouseRunTrigger
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>An operator asked (Admin.RunHouseRisk, <c>grid stress --run</c>).</summary>
    OnDemand = 1,

    /// <summary>The schedule (Grid:House:StressInterval).</summary>
    Schedule = 2,

    /// <summary>A rulebook was loaded.</summary>
    RulebookLoad = 3,
}

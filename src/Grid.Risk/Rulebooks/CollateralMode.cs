namespace Grid.Risk.Rulebooks;

/// <summary>How a balance counts (Rulebook §4 item 2).</summary>
public enum CollateralMode
{
    /// <summary>Valued with its haircut; a long balance offsets its group's upside only.</summary>
    Haircut = 1,
    /// <summary>Valued at full mark and entered into its group's scenarios in both directions.</summary>
    Scenario = 2,
}

namespace Grid.Risk.Rulebooks;

/// <summary>The rulebook's optional <c>stress</c> block (Rulebook §5.1): the guarantee fund and the scenarios.</summary>
public sealed record StressRules
{
    /// <summary>No block: no scenarios and no fund.</summary>
    public static readonly StressRules None = new() { GuaranteeFund = 0, Scenarios = [] };

    /// <summary>USD the venue holds to absorb deficits (insurance fund).</summary>
    public required double GuaranteeFund { get; init; }

    /// <summary>The scenarios in rulebook order (the order that breaks worst-scenario ties).</summary>
    public required IReadOnlyList<StressScenario> Scenarios { get; init; }
}

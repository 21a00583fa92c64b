namespace Grid.Risk.Rulebooks;

/// <summary>The scenario layout of a risk group (Rulebook §3.3, §4 items 6, 23).</summary>
public enum GridKind
{
    /// <summary>9 price points × 3 vol states plus weighted extended rows.</summary>
    Crypto = 1,
    /// <summary>FINRA/OCC points: the down points, then the up points, no vol shock.</summary>
    Finra = 2,
    /// <summary>Clearing-house SPAN arrays of 16 scenarios, used as published.</summary>
    Span16 = 3,
}

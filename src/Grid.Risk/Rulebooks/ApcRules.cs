namespace Grid.Risk.Rulebooks;

/// <summary>
/// The rulebook's optional <c>apc</c> block (Rulebook §5.5): the anti-procyclicality guard on rulebook
/// changes and the IM buffer of PM accounts. Without the block there is no guard and no buffer.
/// </summary>
public sealed record ApcRules
{
    /// <summary>No block: no limits, no buffer.</summary>
    public static readonly ApcRules None = new();

    /// <summary>Largest relative rise of house-wide positions-only IM in one load (0.25 = +25%); +∞ = no limit.</summary>
    public double MaxHouseIncrease { get; init; } = double.PositiveInfinity;

    /// <summary>Largest relative cut of any group's crypto <c>range</c> or FINRA <c>up</c>/<c>down</c>; +∞ = no limit.</summary>
    public double MaxRangeCut { get; init; } = double.PositiveInfinity;

    /// <summary>Buffer b ≥ 0: every PM account's IM (order-inclusive and positions-only) is multiplied by 1 + b; MM is not.</summary>
    public double Buffer { get; init; }

    /// <summary>True when a guard threshold is set.</summary>
    public bool Guards => double.IsFinite(MaxHouseIncrease) || double.IsFinite(MaxRangeCut);
}

namespace Grid.Risk.Supervision;

/// <summary>One figure a candidate rulebook moves beyond the anti-procyclicality guard (Rulebook §5.5).</summary>
/// <param name="Figure">What moved: "house positions-only IM", or the rulebook field such as "groups.BTC.range".</param>
/// <param name="Before">Its value now.</param>
/// <param name="After">Its value under the candidate.</param>
/// <param name="Change">Relative change (a rise for the IM, a cut for a range: both positive).</param>
/// <param name="Limit">The threshold it exceeds (apc.maxHouseIncrease or apc.maxRangeCut).</param>
/// <param name="Message">The refusal, naming the figure.</param>
public sealed record ApcBreach(string Figure, double Before, double After, double Change, double Limit, string Message);

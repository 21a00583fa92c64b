namespace Grid.Abstractions.House;

/// <summary>A figure a candidate rulebook moves beyond the anti-procyclicality guard (Rulebook §5.5).</summary>
/// <param name="Figure">"house positions-only IM", or the rulebook field, e.g. "groups.BTC.range".</param>
/// <param name="Before">Its value now.</param>
/// <param name="After">Under the candidate.</param>
/// <param name="Change">Relative rise (IM) or cut (range).</param>
/// <param name="Limit">The threshold exceeded.</param>
/// <param name="Message">The refusal text.</param>
[GenerateSerializer, Immutable, Alias("grid.ApcBreachView")]
public sealed record ApcBreachView(
    [property: Id(0)] string Figure, [property: Id(1)] double Before, [property: Id(2)] double After, [property: Id(3)] double Change, [property: Id(4)] double Limit, [property: Id(5)] string Message);

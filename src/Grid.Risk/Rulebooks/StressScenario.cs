namespace Grid.Risk.Rulebooks;

/// <summary>
/// One joint stress scenario of the rulebook's <c>stress</c> block (Rulebook §5.1): relative price
/// moves and absolute vol shifts, keyed by asset code or by <c>kind:&lt;kind&gt;</c>.
/// </summary>
public sealed record StressScenario
{
    /// <summary>Unique name, e.g. "crypto crash".</summary>
    public required string Name { get; init; }

    /// <summary>Relative moves (−0.5 = −50%) by asset code or <c>kind:&lt;kind&gt;</c>; each &gt; −1.</summary>
    public IReadOnlyDictionary<string, double> Moves { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Absolute implied-vol shifts (0.30 = +30 vol points) by asset code or <c>kind:&lt;kind&gt;</c>.</summary>
    public IReadOnlyDictionary<string, double> VolShifts { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>move(a) of §5.1: <c>moves[a]</c>, else <c>moves["kind:" + k]</c>, else 0. The RC never moves.</summary>
    /// <param name="asset">Asset code.</param>
    /// <param name="kind">The asset's kind, or null when the rulebook does not list it (only its own key applies).</param>
    public double Move(string asset, AssetKind? kind) => Lookup(Moves, asset, kind);

    /// <summary>volShift(a) of §5.1, looked up like <see cref="Move"/>.</summary>
    public double VolShift(string asset, AssetKind? kind) => Lookup(VolShifts, asset, kind);

    private static double Lookup(IReadOnlyDictionary<string, double> map, string asset, AssetKind? kind)
    {
        if (kind == AssetKind.Usd)
        {
            return 0;
        }

        if (map.TryGetValue(asset, out var own))
        {
            return own;
        }

        return kind is { } k && map.TryGetValue(AssetKindNames.Key(k), out var byKind) ? byKind : 0;
    }
}

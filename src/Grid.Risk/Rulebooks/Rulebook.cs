namespace Grid.Risk.Rulebooks;

/// <summary>
/// The versioned methodology parameters (Rulebook §3.1, §3.9). Data, not code: loaded from JSON
/// by <see cref="RulebookReader"/> and replaceable at runtime (Rulebook §4 item 8).
/// </summary>
public sealed record Rulebook
{
    /// <summary>Version label, e.g. "2026-11-25.1".</summary>
    public required string Version { get; init; }

    /// <summary>Reference currency; always USD.</summary>
    public string ReferenceCurrency { get; init; } = "USD";

    /// <summary>Regime of accounts that do not choose one.</summary>
    public MarginRegime DefaultRegime { get; init; } = MarginRegime.Pm;

    /// <summary>Collateral rules by asset code.</summary>
    public required IReadOnlyDictionary<string, AssetRule> Assets { get; init; }

    /// <summary>Risk groups by name.</summary>
    public required IReadOnlyDictionary<string, GroupRule> Groups { get; init; }

    /// <summary>Inter-group credit pairs, in priority order.</summary>
    public required IReadOnlyList<CreditRule> Credits { get; init; }

    /// <summary>PM maintenance as a fraction of IM.</summary>
    public double MmFraction { get; init; } = 0.8;

    /// <summary>A liquidation ends when AE ≥ this × positions-only IM.</summary>
    public double LiqEndFraction { get; init; } = 0.9;

    /// <summary>Taker fee reserve rate charged on resting orders.</summary>
    public double TakerFeeReserve { get; init; } = 0.0005;

    /// <summary>
    /// Largest fee (or rebate) a fill may carry, as a fraction of the fill's USD notional (JSON
    /// <c>fees.maxRate</c>): a fill whose |fee| is larger is refused and nothing is booked.
    /// </summary>
    public double MaxFeeRate { get; init; } = 0.01;

    /// <summary>Optional borrow IM rate (on |borrow value|); 0 in the default rulebook.</summary>
    public double BorrowImRate { get; init; }

    /// <summary>Optional borrow MM rate; 0 in the default rulebook.</summary>
    public double BorrowMmRate { get; init; }

    /// <summary>STD regime parameters.</summary>
    public required StdRules Std { get; init; }

    /// <summary>Stress scenarios and guarantee fund (Rulebook §5.1); <see cref="StressRules.None"/> without the block.</summary>
    public StressRules Stress { get; init; } = StressRules.None;

    /// <summary>Anti-procyclicality guard and IM buffer (Rulebook §5.5); <see cref="ApcRules.None"/> without the block.</summary>
    public ApcRules Apc { get; init; } = ApcRules.None;

    /// <summary>The rulebook shipped with the engine (the Rulebook §3.1 sample with §4 item 11).</summary>
    public static Rulebook Default => RulebookReader.LoadDefault();
}

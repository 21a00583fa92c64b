namespace Grid.Abstractions.House;

/// <summary>
/// What loading a candidate rulebook does to the house (Rulebook §5.5), computed over every account of
/// the cluster, with the guard's verdict.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.RulebookImpactView")]
public sealed record RulebookImpactView
{
    [Id(0)] public string CurrentVersion { get; init; } = "";
    [Id(1)] public string CandidateVersion { get; init; } = "";
    [Id(2)] public long Accounts { get; init; }
    [Id(3)] public long Skipped { get; init; }
    [Id(4)] public double ImBefore { get; init; }
    [Id(5)] public double ImAfter { get; init; }
    [Id(6)] public double ImPositionsBefore { get; init; }
    [Id(7)] public double ImPositionsAfter { get; init; }

    /// <summary>Relative change of house positions-only IM (the guard's figure); +∞ from 0 to more.</summary>
    [Id(8)] public double ImPositionsIncrease { get; init; }

    [Id(9)] public IReadOnlyList<StateTransitionView> Transitions { get; init; } = [];
    [Id(10)] public IReadOnlyList<AccountImpactView> LargestIncreases { get; init; } = [];

    /// <summary>Every figure beyond the guard; empty when the load may go ahead.</summary>
    [Id(11)] public IReadOnlyList<ApcBreachView> Breaches { get; init; } = [];

    /// <summary>True when the load was (or would be) applied despite breaches.</summary>
    [Id(12)] public bool Forced { get; init; }

    /// <summary>True for a dry run.</summary>
    [Id(13)] public bool DryRun { get; init; }

    /// <summary>When it was computed.</summary>
    [Id(14)] public DateTimeOffset ComputedAt { get; init; }

    /// <summary>The earliest market instant a silo evaluated at.</summary>
    [Id(15)] public DateTimeOffset MarketAsOf { get; init; }

    /// <summary>The latest market instant a silo evaluated at.</summary>
    [Id(16)] public DateTimeOffset MarketAsOfLatest { get; init; }

    /// <summary>Accounts held by more than one silo, counted once.</summary>
    [Id(17)] public long Duplicates { get; init; }

    /// <summary>True when the guard refuses the load unless forced.</summary>
    public bool Refused => Breaches.Count > 0;

    /// <summary>Total order-inclusive IM change.</summary>
    public double ImChange => ImAfter - ImBefore;
}

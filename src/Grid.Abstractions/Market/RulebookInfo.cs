namespace Grid.Abstractions.Market;

/// <summary>The rulebook in force: its JSON and when it was loaded.</summary>
[GenerateSerializer, Immutable, Alias("grid.RulebookInfo")]
public sealed record RulebookInfo
{
    [Id(0)] public string Version { get; init; } = "";
    [Id(1)] public string Json { get; init; } = "";
    [Id(2)] public DateTimeOffset LoadedAt { get; init; }
    [Id(3)] public long Revision { get; init; }

    /// <summary>Risk-free rate for equity and index options.</summary>
    [Id(4)] public decimal Rate { get; init; }

    /// <summary>When the rate was observed (default: never published with an instant).</summary>
    [Id(5)] public DateTimeOffset RateAt { get; init; }

    /// <summary>
    /// Set on the answer to a load that changed nothing (the rulebook in force already had this version
    /// and content); never stored or published.
    /// </summary>
    [Id(6)] public bool Unchanged { get; init; }

    /// <summary>The impact computed before a load of a new version (Rulebook §5.5), with the guard's verdict; never stored or published.</summary>
    [Id(7)] public House.RulebookImpactView? Impact { get; init; }
}

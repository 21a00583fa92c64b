namespace Grid.Risk.Regimes;

/// <summary>Siloed versus cross-margined requirement of one account (Rulebook §4 items 5 and 27).</summary>
public sealed record RegimeComparison
{
    /// <summary>Σ of the silos.</summary>
    public required double SiloedTotal { get; init; }

    /// <summary>The full PM requirement of the positions (credits and offsets included).</summary>
    public required double CrossTotal { get; init; }

    /// <summary>Siloed − cross.</summary>
    public double SavingUsd => SiloedTotal - CrossTotal;

    /// <summary>Saving as a percentage of the siloed total (0 when nothing is required).</summary>
    public double SavingPct => SiloedTotal > 0 ? 100 * SavingUsd / SiloedTotal : 0;

    /// <summary>The silos.</summary>
    public required IReadOnlyList<SiloLine> Silos { get; init; }
}

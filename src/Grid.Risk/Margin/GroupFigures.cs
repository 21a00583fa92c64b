namespace Grid.Risk.Margin;

/// <summary>The requirement of one group in one fill state (Rulebook §3.3–§3.4).</summary>
public readonly record struct GroupFigures
{
    /// <summary>Scan risk: max(0, −min weighted scenario PnL).</summary>
    public double Scan { get; init; }

    /// <summary>Index of the worst scenario (lowest among ties).</summary>
    public int WorstScenario { get; init; }

    /// <summary>Basis add-on.</summary>
    public double Basis { get; init; }

    /// <summary>Per-strike short-option minimum.</summary>
    public double SomStrike { get; init; }

    /// <summary>FINRA per-contract minimum.</summary>
    public double SomMinPerContract { get; init; }

    /// <summary>Concentration add-on.</summary>
    public double Concentration { get; init; }

    /// <summary>Group USD delta.</summary>
    public double Delta { get; init; }

    /// <summary>Long delta-one notional.</summary>
    public double LongDeltaOne { get; init; }

    /// <summary>Short delta-one notional.</summary>
    public double ShortDeltaOne { get; init; }

    /// <summary>max(Scan + Basis, SOM) + Concentration.</summary>
    public double GroupIm { get; init; }

    /// <summary>STD regime only: the group's maintenance requirement (PM derives MM from IM).</summary>
    public double Maintenance { get; init; }

    /// <summary>The short-option minimum that competes with scan + basis.</summary>
    public double Som => SomStrike + SomMinPerContract;
}

namespace Grid.Risk.Rulebooks;

/// <summary>Scenario grid and add-ons of one risk group (Rulebook §3.3, §3.4, §4 item 14).</summary>
public sealed record GroupRule
{
    /// <summary>Group name, e.g. BTC, SPX.</summary>
    public required string Name { get; init; }

    /// <summary>The scenario layout.</summary>
    public required GridKind Grid { get; init; }

    /// <summary>Crypto grid: the largest price move R.</summary>
    public double Range { get; init; }

    /// <summary>Crypto grid: steps n each side (2n + 1 points).</summary>
    public int Steps { get; init; }

    /// <summary>Crypto grid: the vol shock.</summary>
    public VolShock? Vol { get; init; }

    /// <summary>Crypto grid: extreme-move rows, evaluated at vol up.</summary>
    public ExtendedRow[] Extended { get; init; } = [];

    /// <summary>FINRA grid: largest up move (e.g. +0.15).</summary>
    public double Up { get; init; }

    /// <summary>FINRA grid: largest down move (negative, e.g. −0.15).</summary>
    public double Down { get; init; }

    /// <summary>FINRA grid: total number of points (half down, half up; zero excluded).</summary>
    public int Points { get; init; }

    /// <summary>Basis add-on rate on min(long, short) delta-one notional.</summary>
    public double BasisRate { get; init; }

    /// <summary>Short-option minimum per net short contract per strike, as a rate of notional.</summary>
    public double SomRate { get; init; }

    /// <summary>FINRA minimum in USD per contract × multiplier.</summary>
    public double MinPerContract { get; init; }

    /// <summary>Marginal concentration brackets on |group USD delta|.</summary>
    public Tier[] Concentration { get; init; } = [];
}

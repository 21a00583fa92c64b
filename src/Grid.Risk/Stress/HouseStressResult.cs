namespace Grid.Risk.Stress;

/// <summary>A house stress run (Rulebook §5.3): per scenario figures and the worst scenario, as of one market and one rulebook version.</summary>
public sealed record HouseStressResult
{
    /// <summary>The rulebook version the run used.</summary>
    public required string RulebookVersion { get; init; }

    /// <summary>The market instant the run used (the earliest, when merged partials were valued at different instants).</summary>
    public required DateTimeOffset MarketAsOf { get; init; }

    /// <summary>The latest market instant among merged partials (= <see cref="MarketAsOf"/> for one market).</summary>
    public required DateTimeOffset MarketAsOfLatest { get; init; }

    /// <summary>The guarantee fund in USD.</summary>
    public required double GuaranteeFund { get; init; }

    /// <summary>Accounts valued.</summary>
    public required long Accounts { get; init; }

    /// <summary>Accounts that could not be valued (unpriced asset or instrument); they are in no figure.</summary>
    public required long Skipped { get; init; }

    /// <summary>Per scenario, in rulebook order.</summary>
    public required IReadOnlyList<HouseScenarioFigures> Scenarios { get; init; }

    /// <summary>Index of the worst scenario (largest Cover-2, ties: first in rulebook order), or −1 without scenarios.</summary>
    public required int WorstScenario { get; init; }

    /// <summary>The worst scenario's figures, or null without scenarios.</summary>
    public HouseScenarioFigures? Worst => WorstScenario >= 0 ? Scenarios[WorstScenario] : null;
}

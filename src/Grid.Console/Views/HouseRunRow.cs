namespace Grid.Console.Views;

/// <summary>A house run (Rulebook §5.3, §5.4) as the console shows it; money in USD, unrounded.</summary>
internal sealed record HouseRunRow(
    DateTimeOffset CompletedAt,
    string Trigger,
    string RulebookVersion,
    DateTimeOffset MarketAsOf,
    DateTimeOffset MarketAsOfLatest,
    double GuaranteeFund,
    long Accounts,
    long Skipped,
    string? Worst,
    IReadOnlyList<HouseScenarioRow> Scenarios,
    CreditsRow Credits,
    IReadOnlyList<SiloRow> Silos);

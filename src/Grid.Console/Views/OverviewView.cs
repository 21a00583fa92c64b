namespace Grid.Console.Views;

/// <summary>The overview page: accounts by state, the ones nearest liquidation first, recent risk events.</summary>
internal sealed record OverviewView(
    DateTimeOffset AsOf,
    StateCounts States,
    int Total,
    bool Partial,
    IReadOnlyList<AccountRow> Accounts,
    IReadOnlyList<RiskEventRow> Events);

using System.Text.Json.Serialization;

namespace Grid.Console.Views;

/// <summary>
/// Everything the account page shows; also the payload of its live updates. <c>AsOf</c> is the market
/// instant of the figures; <c>ComputedAt</c> (not sent) orders the snapshots of one account version.
/// </summary>
internal sealed record AccountView(
    string Id,
    DateTimeOffset AsOf,
    long Version,
    string Regime,
    bool Frozen,
    string RulebookVersion,
    FiguresView Figures,
    IReadOnlyList<GroupView> Groups,
    IReadOnlyList<PositionRow> Positions,
    IReadOnlyList<OrderRow> Orders,
    IReadOnlyList<BalanceRow> Balances,
    ComparisonView? Comparison,
    [property: JsonIgnore] DateTimeOffset ComputedAt);

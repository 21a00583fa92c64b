namespace Grid.Console.Views;

/// <summary>One scenario of a house run; <see cref="Coverage"/> (fund / Cover-2) is null when Cover-2 is 0.</summary>
internal sealed record HouseScenarioRow(
    string Name, double TotalPnl, double TotalDeficit, long AccountsInDeficit, double Cover1, double Cover2, double? Coverage, bool Covered, IReadOnlyList<TopAccountRow> Top);

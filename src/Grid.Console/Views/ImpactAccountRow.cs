namespace Grid.Console.Views;

/// <summary>One of a dry run's largest IM increases.</summary>
internal sealed record ImpactAccountRow(string Id, double ImBefore, double ImAfter, string StateBefore, string StateAfter);

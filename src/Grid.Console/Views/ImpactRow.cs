namespace Grid.Console.Views;

/// <summary>A rulebook dry run's impact on the house (Rulebook §5.5) and the guard's verdict; <see cref="PositionsIncrease"/> is null when unbounded.</summary>
internal sealed record ImpactRow(
    DateTimeOffset ComputedAt, string CurrentVersion, string CandidateVersion, long Accounts, long Skipped, double ImBefore, double ImAfter,
    double? PositionsIncrease, bool Refused, bool Forced, IReadOnlyList<string> Breaches, IReadOnlyList<TransitionRow> Transitions, IReadOnlyList<ImpactAccountRow> Largest);

namespace Grid.Console.Views;

/// <summary>The house's cross-margin dependency (Rulebook §5.4): credits by pair and the house without them.</summary>
internal sealed record CreditsRow(
    double SiloedTotal, double CrossTotal, double CreditTotal, double Im, double ImWithoutCredits, long LeavingOk, double CalledIm,
    IReadOnlyList<PairRow> Pairs, IReadOnlyList<TransitionRow> Transitions);

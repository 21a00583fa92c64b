namespace Grid.Console.Views;

/// <summary>Siloed versus cross-margined requirement, with what cross-margining saves.</summary>
internal sealed record ComparisonView(decimal SiloedTotal, decimal CrossTotal, decimal SavingUsd, double SavingPct, IReadOnlyList<SiloBar> Silos);

namespace Grid.Console.Views;

/// <summary>How many accounts are in each margin state.</summary>
internal sealed record StateCounts(int Ok, int ReduceOnly, int Liquidate, int Bankrupt);

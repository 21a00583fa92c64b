namespace Grid.Console.Views;

/// <summary>One silo of the siloed requirement.</summary>
internal sealed record SiloBar(string Name, string Regime, decimal Requirement);

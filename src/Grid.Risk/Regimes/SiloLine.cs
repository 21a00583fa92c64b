namespace Grid.Risk.Regimes;

/// <summary>One silo of the siloed requirement.</summary>
/// <param name="Silo">What the silo holds, e.g. "isolated linear_perp BTC-PERP".</param>
/// <param name="Regime">"PM", "STD" or "none" (spot wallet).</param>
/// <param name="Requirement">The silo's requirement in USD.</param>
public sealed record SiloLine(string Silo, string Regime, double Requirement);

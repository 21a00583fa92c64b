namespace Grid.Console.Views;

/// <summary>What a simulated portfolio was margined against: "live" or "given" for each part, the rulebook version and the market instant.</summary>
internal sealed record SimulatorBasis(string Rulebook, string Instruments, string Market, string RulebookVersion, DateTimeOffset AsOf);

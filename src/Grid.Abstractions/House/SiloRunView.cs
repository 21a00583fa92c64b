namespace Grid.Abstractions.House;

/// <summary>One silo's part of a house run: the accounts it valued and the market instant it valued them at.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="Accounts">Accounts it counted.</param>
/// <param name="Skipped">Accounts it could not value.</param>
/// <param name="MarketAsOf">Its market instant.</param>
/// <param name="Elapsed">Time its part took.</param>
/// <param name="StressElapsed">Of which the stress (§5.3) took; the rest is the dependency (§5.4).</param>
[GenerateSerializer, Immutable, Alias("grid.SiloRunView")]
public sealed record SiloRunView(
    [property: Id(0)] string Silo, [property: Id(1)] long Accounts, [property: Id(2)] long Skipped, [property: Id(3)] DateTimeOffset MarketAsOf, [property: Id(4)] TimeSpan Elapsed,
    [property: Id(5)] TimeSpan StressElapsed);

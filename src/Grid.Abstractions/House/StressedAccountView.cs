namespace Grid.Abstractions.House;

/// <summary>One account in a scenario's top list (Rulebook §5.3), unrounded USD.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Ae">AE now.</param>
/// <param name="AeStressed">AE′ in the scenario.</param>
/// <param name="Pnl">AE′ − AE.</param>
/// <param name="Deficit">max(0, −AE′).</param>
[GenerateSerializer, Immutable, Alias("grid.StressedAccountView")]
public sealed record StressedAccountView(
    [property: Id(0)] string AccountId, [property: Id(1)] double Ae, [property: Id(2)] double AeStressed, [property: Id(3)] double Pnl, [property: Id(4)] double Deficit);

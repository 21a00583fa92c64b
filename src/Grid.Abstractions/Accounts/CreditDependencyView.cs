using Grid.Abstractions.House;
using Grid.Risk.Accounts;

namespace Grid.Abstractions.Accounts;

/// <summary>
/// What cross-margining saves one account and what it would cost without the inter-group credits
/// (Rulebook §5.4), unrounded USD: the credits by pair and the account recomputed without them.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.CreditDependencyView")]
public sealed record CreditDependencyView
{
    /// <summary>Credits by pair: order-inclusive and positions-only.</summary>
    [Id(0)] public IReadOnlyList<PairCreditView> Credits { get; init; } = [];
    [Id(1)] public double CreditTotal { get; init; }
    [Id(2)] public double CreditTotalPositions { get; init; }
    [Id(3)] public double Im { get; init; }
    [Id(4)] public double ImWithoutCredits { get; init; }
    [Id(5)] public double Mm { get; init; }
    [Id(6)] public double MmWithoutCredits { get; init; }
    [Id(7)] public AccountState State { get; init; }
    [Id(8)] public AccountState StateWithoutCredits { get; init; }

    /// <summary>IM without credits − (AE − order costs) when the account would leave OK; 0 otherwise.</summary>
    [Id(9)] public double CalledIm { get; init; }
}

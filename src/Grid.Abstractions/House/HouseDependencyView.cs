namespace Grid.Abstractions.House;

/// <summary>House-wide cross-margin dependency (Rulebook §5.4), unrounded USD.</summary>
[GenerateSerializer, Immutable, Alias("grid.HouseDependencyView")]
public sealed record HouseDependencyView
{
    [Id(0)] public long Accounts { get; init; }
    [Id(1)] public long Skipped { get; init; }
    [Id(2)] public double SiloedTotal { get; init; }
    [Id(3)] public double CrossTotal { get; init; }
    [Id(4)] public double CreditTotal { get; init; }
    [Id(5)] public double CreditTotalPositions { get; init; }

    /// <summary>Credits by pair, pairs in ordinal order of "A/B".</summary>
    [Id(6)] public IReadOnlyList<PairCreditView> Credits { get; init; } = [];

    /// <summary>Σ order-inclusive IM now.</summary>
    [Id(7)] public double Im { get; init; }

    /// <summary>Σ order-inclusive IM without credits.</summary>
    [Id(8)] public double ImWithoutCredits { get; init; }

    /// <summary>Accounts OK now that would not be without credits.</summary>
    [Id(9)] public long LeavingOk { get; init; }

    /// <summary>The margin those accounts would be called for.</summary>
    [Id(10)] public double CalledIm { get; init; }

    /// <summary>State now → without credits, changes only.</summary>
    [Id(11)] public IReadOnlyList<StateTransitionView> Transitions { get; init; } = [];
}

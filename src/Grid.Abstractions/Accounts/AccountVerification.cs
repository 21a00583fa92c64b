namespace Grid.Abstractions.Accounts;

/// <summary>
/// The result of checking one account against itself: the incrementally maintained book against a
/// full recompute from the stored record, and the record's own invariants.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.AccountVerification")]
public sealed record AccountVerification
{
    [Id(0)] public string AccountId { get; init; } = "";

    /// <summary>True when no problem was found.</summary>
    public bool Consistent => Problems.Count == 0;

    /// <summary>What disagrees, one line each; empty when consistent.</summary>
    [Id(1)] public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Deterministic hash of the stored holdings (equal across restarts).</summary>
    [Id(2)] public ulong StateHash { get; init; }

    /// <summary>Stored version.</summary>
    [Id(3)] public long Version { get; init; }

    /// <summary>IM of the live (incremental) book.</summary>
    [Id(4)] public decimal InitialMargin { get; init; }

    /// <summary>IM recomputed from scratch.</summary>
    [Id(5)] public decimal InitialMarginRecomputed { get; init; }

    /// <summary>Adjusted equity of the live book.</summary>
    [Id(6)] public decimal Equity { get; init; }

    /// <summary>Adjusted equity recomputed from scratch.</summary>
    [Id(7)] public decimal EquityRecomputed { get; init; }

    /// <summary>False when the account cannot be margined right now (an instrument it holds has no price): only the record was checked.</summary>
    [Id(8)] public bool Priced { get; init; }
}

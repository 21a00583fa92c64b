using Grid.Risk.Decisions;

namespace Grid.Abstractions.Accounts;

/// <summary>The outcome of a deposit or withdrawal.</summary>
[GenerateSerializer, Immutable, Alias("grid.BalanceChange")]
public sealed record BalanceChange
{
    [Id(0)] public bool Accepted { get; init; }
    [Id(1)] public RejectReason Reason { get; init; }
    [Id(2)] public decimal Shortfall { get; init; }
    [Id(3)] public BuyingPower After { get; init; } = new();
    /// <summary>A repeated request answered from the stored outcome; nothing was applied again.</summary>
    [Id(4)] public bool Replayed { get; init; }

    /// <summary>The request id was used before with other terms: nothing was applied (ALREADY_EXISTS on the wire).</summary>
    [Id(5)] public bool Conflict { get; init; }
}

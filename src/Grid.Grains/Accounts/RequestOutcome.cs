using Grid.Risk.Decisions;

namespace Grid.Grains.Accounts;

/// <summary>The stored outcome of a deposit or withdrawal request (idempotency).</summary>
[GenerateSerializer, Immutable, Alias("grid.RequestOutcome")]
public sealed record RequestOutcome([property: Id(0)] string RequestId, [property: Id(1)] bool Accepted, [property: Id(2)] RejectReason Reason, [property: Id(3)] decimal Shortfall);

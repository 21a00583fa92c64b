using Grid.Risk.Decisions;

namespace Grid.Grains.Accounts;

/// <summary>
/// The stored outcome of a deposit, withdrawal or funding request with its terms (idempotency: the same
/// id with the same terms is answered from here, with other terms it is a conflict). Outcomes stored
/// before the terms were kept have <see cref="RequestKind.Unknown"/> and match any terms.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.RequestOutcome")]
public sealed record RequestOutcome([property: Id(0)] string RequestId, [property: Id(1)] bool Accepted, [property: Id(2)] RejectReason Reason, [property: Id(3)] decimal Shortfall)
{
    /// <summary>What was asked.</summary>
    [Id(4)] public RequestKind Kind { get; init; }

    /// <summary>The asset (deposits, withdrawals) or the instrument (funding).</summary>
    [Id(5)] public string Subject { get; init; } = "";

    /// <summary>The amount (deposits, withdrawals) or the accrual (funding).</summary>
    [Id(6)] public decimal Amount { get; init; }

    /// <summary>Funding: the settle flag.</summary>
    [Id(7)] public bool Settle { get; init; }

    /// <summary>True when <paramref name="other"/> asks for the same thing (1.0 and 1.00 are the same amount).</summary>
    public bool SameTerms(RequestOutcome other)
        => Kind == RequestKind.Unknown || (Kind == other.Kind && Subject == other.Subject && Amount == other.Amount && Settle == other.Settle);
}

using Grid.Risk.Decisions;

namespace Grid.Grains.Accounts;

/// <summary>
/// What an account remembers of a check for idempotent retries: a 64-bit hash of the client order id
/// and the outcome, not the whole reply (a retry is answered with that outcome and the current
/// figures). Small, because it is stored with every change; a hash collision inside one account's
/// window (≈ window²/2⁶⁵) is negligible.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.CheckMemo")]
public sealed record CheckMemo(
    [property: Id(0)] ulong OrderIdHash,
    [property: Id(1)] Decision Decision,
    [property: Id(2)] RejectReason Reason,
    [property: Id(3)] decimal Shortfall);

using Grid.Risk.Decisions;

namespace Grid.Grains.Accounts;

/// <summary>
/// What an account remembers of a check for idempotent retries: a 64-bit hash of the client order id
/// and the outcome, not the whole reply (a retry is answered with that outcome and the current
/// figures). Small, because it is stored with every change; a hash collision inside one account's
/// window (≈ window²/2⁶⁵) is negligible. A struct kept in place in the window's list: an object per
/// check, held by the account's long-lived list, was copied at the next gen0 GC and its reference from
/// the older list scanned (issue 14); this is 32 B in the list's array and nothing for the GC to trace.
/// Equality is exact (the shortfall's scale too): the journal's diff tells items apart by it.
/// </summary>
[GenerateSerializer, Alias("grid.CheckMemo.v2")]
public readonly record struct CheckMemo(
    [property: Id(0)] ulong OrderIdHash,
    [property: Id(1)] Decision Decision,
    [property: Id(2)] RejectReason Reason,
    [property: Id(3)] decimal Shortfall)
{
    public bool Equals(CheckMemo other)
        => OrderIdHash == other.OrderIdHash && Decision == other.Decision && Reason == other.Reason
            && Shortfall == other.Shortfall && Shortfall.Scale == other.Shortfall.Scale && decimal.IsNegative(Shortfall) == decimal.IsNegative(other.Shortfall);

    public override int GetHashCode() => OrderIdHash.GetHashCode();
}

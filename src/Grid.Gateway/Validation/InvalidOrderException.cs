namespace Grid.Gateway.Validation;

/// <summary>
/// Order terms the gateway refuses (no instrument, unspecified side, non-positive or absurd size or
/// price). The contract answers these with a REJECT_REASON_INVALID_ORDER decision, not an error,
/// so they never reach the account grain.
/// </summary>
internal sealed class InvalidOrderException(string field, string problem) : Exception($"{field}: {problem}")
{
    /// <summary>The dotted path of the offending field.</summary>
    public string Field { get; } = field;
}

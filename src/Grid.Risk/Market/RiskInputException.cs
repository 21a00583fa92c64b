namespace Grid.Risk.Market;

/// <summary>
/// Input the engine refuses to price or margin (unknown asset or instrument, missing, NaN, zero or
/// negative price, non-positive vol, expired option). <see cref="Field"/> names what is wrong.
/// </summary>
public sealed class RiskInputException(string field, string message) : Exception($"{field}: {message}")
{
    /// <summary>The offending input, e.g. <c>vols.BTC-30D-60000-C</c>.</summary>
    public string Field { get; } = field;
}

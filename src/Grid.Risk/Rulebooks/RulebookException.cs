namespace Grid.Risk.Rulebooks;

/// <summary>A rulebook that cannot be used; <see cref="Field"/> names the offending field as a JSON path.</summary>
public sealed class RulebookException(string field, string message)
    : Exception($"rulebook field '{field}': {message}")
{
    /// <summary>JSON path of the bad field, e.g. <c>groups.BTC.range</c>.</summary>
    public string Field { get; } = field;
}

namespace Grid.Console.Views;

/// <summary>
/// An instrument and its latest price: the mark when it has one, else the implied vol (options) or
/// the underlying's index (spot pairs and stocks); <see cref="PriceSource"/> says which.
/// </summary>
internal sealed record InstrumentRow(
    string Id,
    string Kind,
    string Group,
    string Underlying,
    decimal? Price,
    string PriceSource,
    DateTimeOffset? PriceAt,
    bool Halted,
    string HaltReason,
    DateTimeOffset? Expiry);

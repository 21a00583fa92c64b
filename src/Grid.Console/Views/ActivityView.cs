namespace Grid.Console.Views;

/// <summary>
/// Pre-trade checks answered on this node: rates over the last few seconds, a per-second series for
/// a sparkline (oldest first) and reject reasons over the series' window.
/// </summary>
internal sealed record ActivityView(
    DateTimeOffset AsOf,
    double ChecksPerSecond,
    double RejectsPerSecond,
    long ChecksTotal,
    long RejectsTotal,
    int WindowSeconds,
    IReadOnlyList<long> Series,
    IReadOnlyList<ReasonRate> Reasons);

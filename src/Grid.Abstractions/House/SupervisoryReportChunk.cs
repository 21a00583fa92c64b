namespace Grid.Abstractions.House;

/// <summary>One piece of the supervisory report (Rulebook §5.6) as it streams: a JSON line, or the rulebook document.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Json">The line or document, as written to the report's files.</param>
public sealed record SupervisoryReportChunk(SupervisoryReportChunkKind Kind, string Json);

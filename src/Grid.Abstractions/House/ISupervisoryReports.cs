namespace Grid.Abstractions.House;

/// <summary>
/// The supervisory report (Rulebook §5.6), streamed from every silo's accounts (silo-local service for
/// the gateway): the account lines, then the house lines computed from exactly those lines, then the
/// rulebook document. Each silo pins its market and accounts when the report opens.
/// </summary>
public interface ISupervisoryReports
{
    /// <summary>Streams one report; throws TimeoutException or InvalidOperationException when a silo cannot take part.</summary>
    IAsyncEnumerable<SupervisoryReportChunk> Stream(CancellationToken cancellation);
}

using Orleans.Services;

namespace Grid.Grains.House;

/// <summary>
/// One silo's share of the house runs: a grain service, so one instance runs in every silo from start
/// to stop and is addressed by silo (<see cref="IHouseRiskSilos"/>). It values the accounts that silo's
/// monitor holds (those of dead silos it adopted included) and answers with mergeable parts.
/// </summary>
[Alias("grid.IHouseRiskSilo")]
public interface IHouseRiskSilo : IGrainService
{
    /// <summary>The stable 64-bit hashes of every account held here, sorted (a duplicate finds its twin on another silo).</summary>
    [Alias("Census")]
    Task<ulong[]> Census();

    /// <summary>The accounts held here whose hash is in <paramref name="hashes"/>, with their replica's version.</summary>
    [Alias("Resolve")]
    Task<CensusEntry[]> Resolve(ulong[] hashes);

    /// <summary>This silo's part of a house run: stress (§5.3) and dependency (§5.4).</summary>
    [Alias("Stress")]
    Task<StressPart> Stress(HousePartRequest request);

    /// <summary>This silo's part of the impact of loading <paramref name="candidateJson"/> (§5.5).</summary>
    [Alias("Impact")]
    Task<ImpactPart> Impact(string candidateJson, HousePartRequest request);

    /// <summary>Opens this silo's part of a supervisory report (§5.6): the market and the accounts are pinned now.</summary>
    [Alias("OpenReport")]
    Task<ReportOpened> OpenReport(HousePartRequest request);

    /// <summary>The next account lines of report <paramref name="token"/>; the last page carries the silo's house part.</summary>
    [Alias("ReportPage")]
    Task<ReportPagePart> ReportPage(Guid token);

    /// <summary>Drops report <paramref name="token"/> (its reader is gone).</summary>
    [Alias("CloseReport")]
    Task CloseReport(Guid token);
}

using Orleans.Concurrency;

namespace Grid.Abstractions.House;

/// <summary>
/// The house's runs over every account of the cluster (key "house"): it fans each run out to every
/// active silo, which values the accounts it monitors; it merges the parts and keeps the latest run and
/// the last dry-run impact. No grain walks the accounts.
/// </summary>
[Alias("grid.IHouseRiskGrain")]
public interface IHouseRiskGrain : IGrainWithStringKey
{
    /// <summary>Runs the house stress and dependency now (a run under way that started before the request is waited out and followed by a new one, shared by the requests that arrive meanwhile), keeps it and returns it.</summary>
    [Alias("Run")]
    Task<HouseRiskView> Run(HouseRunTrigger trigger);

    /// <summary>The latest run kept, or null before the first; never recomputes.</summary>
    [Alias("Latest")]
    Task<HouseRiskView?> Latest();

    /// <summary>Runs if the latest run is older than the schedule's interval (every silo ticks; one run follows).</summary>
    [OneWay, Alias("Tick")]
    Task Tick();

    /// <summary>A rulebook was loaded (revision <paramref name="revision"/>): runs on it.</summary>
    [OneWay, Alias("RulebookLoaded")]
    Task RulebookLoaded(long revision);

    /// <summary>
    /// The impact of loading <paramref name="candidateJson"/> over the rulebook of revision
    /// <paramref name="revision"/> (Rulebook §5.5) across the cluster, judged by the guard in force; a dry
    /// run's is kept as the last dry run. Throws ArgumentException for a candidate that does not parse.
    /// </summary>
    [Alias("Impact")]
    Task<RulebookImpactView> Impact(string candidateJson, long revision, bool dryRun, bool force);

    /// <summary>The last dry run's impact (refused ones included), or null.</summary>
    [Alias("LastDryRun")]
    Task<RulebookImpactView?> LastDryRun();
}

namespace Grid.Grains.House;

/// <summary>The house's runs across the cluster (configuration section "Grid:House").</summary>
public sealed class HouseRiskOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Grid:House";

    /// <summary>How often the house stress and dependency run on their own (Rulebook §5.3); zero turns the schedule off (on demand and after rulebook loads only).</summary>
    public TimeSpan StressInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Top accounts kept per scenario, and largest increases kept by a rulebook impact.</summary>
    public int Top { get; set; } = 10;

    /// <summary>Longest a silo may take over its part of a run (below Orleans' 30 s response timeout, so the error names the silo); past it the run fails and the latest run is kept.</summary>
    public TimeSpan PartTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Longest a silo waits for the rulebook revision a run uses to reach its market.</summary>
    public TimeSpan RevisionWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Account lines per page of the supervisory report, per silo.</summary>
    public int ReportPageSize { get; set; } = 500;

    /// <summary>A report nobody pages for this long is dropped by its silos.</summary>
    public TimeSpan ReportIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

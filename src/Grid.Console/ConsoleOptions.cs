namespace Grid.Console;

/// <summary>The risk console (configuration section "Grid:Console").</summary>
public sealed class ConsoleOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Grid:Console";

    /// <summary>Accounts listed on the overview, nearest liquidation first.</summary>
    public int AccountsShown { get; set; } = 50;

    /// <summary>
    /// Most accounts read from the registry to count states (in pages of 1,000); beyond it the counts
    /// are marked as partial. Each overview refresh reads them, so keep it modest on large grids.
    /// </summary>
    public int MaxAccountsScanned { get; set; } = 10_000;

    /// <summary>How long an overview is reused across browsers before the registry is read again.</summary>
    public TimeSpan OverviewCacheTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Recent risk events shown on the overview.</summary>
    public int RecentEvents { get; set; } = 20;
}

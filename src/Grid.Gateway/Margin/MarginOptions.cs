using Grid.Risk.Simulation;

namespace Grid.Gateway.Margin;

/// <summary>Limits of the margin simulator (Margin.Simulate), bound from the "Grid:Margin" configuration section.</summary>
public sealed class MarginOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Grid:Margin";

    /// <summary>
    /// Largest Simulate request in bytes (gRPC's MaxReceiveMessageSize for the Margin service: a larger one is
    /// refused with RESOURCE_EXHAUSTED before it is read). Documents of a few thousand positions fit in the default.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most positions in one simulated portfolio.</summary>
    public int MaxPositions { get; set; } = SimulationLimits.Default.MaxPositions;

    /// <summary>Most resting orders in one simulated portfolio.</summary>
    public int MaxOrders { get; set; } = SimulationLimits.Default.MaxOrders;

    /// <summary>Most balances in one simulated portfolio.</summary>
    public int MaxBalances { get; set; } = SimulationLimits.Default.MaxBalances;

    /// <summary>Most instruments given with one request.</summary>
    public int MaxInstruments { get; set; } = SimulationLimits.Default.MaxInstruments;

    /// <summary>The limits as the risk core checks them.</summary>
    public SimulationLimits Limits() => new()
    {
        MaxPositions = MaxPositions,
        MaxOrders = MaxOrders,
        MaxBalances = MaxBalances,
        MaxInstruments = MaxInstruments,
        Section = SectionName,
    };
}

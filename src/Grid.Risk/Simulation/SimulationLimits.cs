namespace Grid.Risk.Simulation;

/// <summary>
/// How large a simulated portfolio may be. Refused beyond, naming the list and the setting, before
/// anything is compiled or margined.
/// </summary>
public sealed record SimulationLimits
{
    /// <summary>Limits of a grid that configures none (Grid:Margin defaults).</summary>
    public static readonly SimulationLimits Default = new();

    /// <summary>Most positions.</summary>
    public int MaxPositions { get; init; } = 5_000;

    /// <summary>Most resting orders.</summary>
    public int MaxOrders { get; init; } = 1_000;

    /// <summary>Most balances.</summary>
    public int MaxBalances { get; init; } = 1_000;

    /// <summary>Most instruments given with the request.</summary>
    public int MaxInstruments { get; init; } = 5_000;

    /// <summary>The configuration section that sets them, named in refusals.</summary>
    public string Section { get; init; } = "Grid:Margin";

    /// <summary>Refuses <paramref name="inputs"/> when a list is longer than allowed.</summary>
    /// <exception cref="SimulationException">A list is too long; the field names it.</exception>
    public void Check(SimulationInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var p = inputs.Portfolio;
        Require(p.Positions.Count, MaxPositions, inputs.Paths.Positions, "positions", nameof(MaxPositions));
        Require(p.Orders.Count, MaxOrders, inputs.Paths.Orders, "orders", nameof(MaxOrders));
        Require(p.Balances.Count, MaxBalances, inputs.Paths.Balances, "balances", nameof(MaxBalances));
        Require(inputs.Instruments?.Count ?? 0, MaxInstruments, inputs.InstrumentsPath, "instruments", nameof(MaxInstruments));
    }

    private void Require(int count, int max, string field, string what, string setting)
    {
        if (count > max)
        {
            throw SimulationException.Invalid(field, $"{count} {what}, at most {max} ({Section}:{setting})");
        }
    }
}

namespace Grid.Risk.Decisions;

/// <summary>
/// What the listing and the market allow for new orders in one instrument right now: the plain data
/// the <see cref="OrderGate"/> needs from outside the risk core (the instrument's limits, its halt
/// flag, the age of its group's prices). Zero disables a limit; <c>default</c> disables them all.
/// Built by the caller per check, on the stack.
/// </summary>
public readonly record struct TradingLimits
{
    /// <summary>Largest |limit − mark| / mark; 0 disables the band.</summary>
    public double PriceBand { get; init; }

    /// <summary>Largest order notional in USD; 0 disables.</summary>
    public double MaxOrderNotional { get; init; }

    /// <summary>Largest |position| in contracts (base units for spot and stock) after the order fills; 0 disables.</summary>
    public double MaxPosition { get; init; }

    /// <summary>Trading in the instrument is halted.</summary>
    public bool Halted { get; init; }

    /// <summary>The newest price of the instrument's group is older than the grid allows.</summary>
    public bool StalePrice { get; init; }
}

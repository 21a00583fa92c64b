using Grid.Risk.Simulation;

namespace Grid.Abstractions.Market;

/// <summary>
/// The silo-local market as a margin simulation reads it: the compiled model every account of the silo
/// checks against, with the listing's limits and the instruments it cannot price. Read in process, no
/// grain call; a silo-local service, not a grain.
/// </summary>
public interface IListedMarketSource
{
    /// <summary>The current market frame's listing (immutable; a later frame gives a new one).</summary>
    ListedMarket Current { get; }
}

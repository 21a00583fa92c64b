namespace Grid.Risk.Simulation;

/// <summary>Why a portfolio cannot be simulated, in the terms a caller acts on.</summary>
public enum SimulationFault
{
    /// <summary>The request itself is wrong (a malformed document, a value out of range, a limit passed): fix the field.</summary>
    InvalidField = 0,
    /// <summary>The portfolio names an instrument the instruments in use do not list.</summary>
    UnknownInstrument = 1,
    /// <summary>The portfolio names an asset the rulebook in use does not list.</summary>
    UnknownAsset = 2,
    /// <summary>The live market cannot price something the portfolio holds now (not the request's fault; it may pass later).</summary>
    LiveMarketUnpriced = 3,
    /// <summary>No live market is available where a request relies on it.</summary>
    NoLiveMarket = 4,
}

namespace Grid.Abstractions.Market;

/// <summary>Owns one instrument: spec, limits, halt, mark, vol. Publishes every change to the market directory.</summary>
[Alias("grid.IInstrumentGrain")]
public interface IInstrumentGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the spec (the kind and expiry of a listed instrument cannot change).</summary>
    [Alias("Upsert")]
    Task<InstrumentInfo> Upsert(InstrumentSpec spec);

    /// <summary>The instrument now, or null when not listed.</summary>
    [Alias("Get")]
    Task<InstrumentInfo?> Get();

    /// <summary>Halts or resumes trading.</summary>
    [Alias("SetHalted")]
    Task<InstrumentInfo> SetHalted(bool halted, string reason);

    /// <summary>New mark, vol, SPAN array, SPAN delta or open interest (unset fields are left unchanged), stored and published.</summary>
    [Alias("PublishPrices")]
    Task<InstrumentInfo> PublishPrices(InstrumentPrices prices);

    /// <summary>
    /// As <see cref="PublishPrices"/>, without publishing: the caller publishes the returned instrument
    /// with the rest of its batch as one market step (<see cref="IMarketSteps"/>).
    /// </summary>
    [Alias("StorePrices")]
    Task<InstrumentInfo> StorePrices(InstrumentPrices prices);
}

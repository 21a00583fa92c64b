using Grid.Abstractions.Market;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Market;

/// <summary>Owns one instrument's spec, limits, halt and prices; every change is stored, then published.</summary>
[GrainType("instrument")]
public sealed class InstrumentGrain(
    [PersistentState("instrument", GridStorage.Name)] IPersistentState<InstrumentRecord> state,
    MarketView market,
    TimeProvider clock,
    ILogger<InstrumentGrain> logger) : Grain, IInstrumentGrain
{
    public async Task<InstrumentInfo> Upsert(InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        InstrumentSpecRules.Validate(this.GetPrimaryKeyString(), spec, clock.GetUtcNow(), [.. market.Frame.Model.Rulebook.Groups.Keys]);
        if (state.State.Info is not { } existing)
        {
            return await Save(new InstrumentInfo { Spec = spec });
        }

        // The same spec again is a no-op; a change of the contract's terms is refused (the request is
        // valid, the listed instrument is what forbids it), whatever the change to its limits.
        InstrumentSpecRules.RequireSameTerms(existing.Spec, spec);
        return existing.Spec == spec ? existing : await Save(existing with { Spec = spec });
    }

    public Task<InstrumentInfo?> Get() => Task.FromResult(state.State.Info);

    public async Task<InstrumentInfo> SetHalted(bool halted, string reason)
    {
        var info = state.State.Info ?? throw new KeyNotFoundException($"instrument_id: {this.GetPrimaryKeyString()} is not listed");
        var next = info with { Halted = halted, HaltReason = halted ? reason : "" };
        if (next == info)
        {
            // Resuming a trading instrument, or halting a halted one for the same reason: nothing changes.
            return info;
        }

        GrainsLog.InstrumentHalted(logger, info.Spec.Id, halted, reason);
        return await Save(next);
    }

    public async Task<InstrumentInfo> PublishPrices(InstrumentPrices prices)
    {
        var before = state.State.Info;
        var info = await StorePrices(prices);
        if (!ReferenceEquals(info, before))
        {
            await Publish(info);
        }

        return info;
    }

    public async Task<InstrumentInfo> StorePrices(InstrumentPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var info = state.State.Info ?? throw new KeyNotFoundException($"instrument_id: {this.GetPrimaryKeyString()} is not listed");
        var next = InstrumentPriceRules.Merge(info, prices, clock.GetUtcNow());
        return ReferenceEquals(next, info) ? info : await Store(next);
    }

    private async Task<InstrumentInfo> Save(InstrumentInfo info)
    {
        info = await Store(info);
        await Publish(info);
        return info;
    }

    private async Task<InstrumentInfo> Store(InstrumentInfo info)
    {
        info = info with { Version = (state.State.Info?.Version ?? 0) + 1 };
        state.State.Info = info;
        await state.WriteStateAsync();
        return info;
    }

    // This silo sees the change before the call returns; the others through the directory's fan-out.
    private async Task Publish(InstrumentInfo info)
    {
        var change = new MarketChange { Instrument = info };
        market.Apply([change]);
        await GrainFactory.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).Publish(change);
    }
}

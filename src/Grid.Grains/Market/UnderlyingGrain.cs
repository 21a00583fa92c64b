using Grid.Abstractions.Market;

namespace Grid.Grains.Market;

/// <summary>Owns one asset's index price, forward curve and dividend yield.</summary>
[GrainType("underlying")]
public sealed class UnderlyingGrain(
    [PersistentState("underlying", GridStorage.Name)] IPersistentState<UnderlyingRecord> state,
    MarketView market,
    TimeProvider clock) : Grain, IUnderlyingGrain
{
    private bool _known;

    public async Task<UnderlyingInfo> Publish(decimal? index, IReadOnlyList<ForwardPoint> forwards, decimal? dividendYield, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(forwards);
        var info = await StorePrices(new UnderlyingUpdate
        {
            Index = index, IndexAt = at, Forwards = forwards, DividendYield = dividendYield, DividendYieldAt = at,
        });
        var change = new MarketChange { Underlying = info };
        market.Apply([change]);
        await GrainFactory.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).Publish(change);
        return info;
    }

    public async Task<UnderlyingInfo> StorePrices(UnderlyingUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        RequireKnown();
        var info = UnderlyingPriceRules.Merge(state.State.Info ?? new UnderlyingInfo { Asset = this.GetPrimaryKeyString() }, update, clock.GetUtcNow());
        info = info with { Version = info.Version + 1 };
        state.State.Info = info;
        await state.WriteStateAsync();
        return info;
    }

    public Task<UnderlyingInfo?> Get() => Task.FromResult(state.State.Info);

    // An asset is priced when the rulebook lists it or a listed instrument is written on it (an index
    // option's underlying); anything else is a typo that would sit in storage unused.
    private void RequireKnown()
    {
        if (_known)
        {
            return;
        }

        var asset = this.GetPrimaryKeyString();
        var frame = market.Frame;
        _known = frame.Model.Rulebook.Assets.ContainsKey(asset) || frame.Instruments.Values.Any(i => i.Spec.Underlying == asset);
        if (!_known)
        {
            throw new KeyNotFoundException($"asset: {asset} is neither an asset of rulebook {frame.Rulebook.Version} nor the underlying of a listed instrument");
        }
    }
}

using Grid.Abstractions.Market;

namespace Grid.Grains.Market;

/// <summary>Owns one asset's index price and forward curve.</summary>
[GrainType("underlying")]
public sealed class UnderlyingGrain(
    [PersistentState("underlying", GridStorage.Name)] IPersistentState<UnderlyingRecord> state,
    MarketView market,
    TimeProvider clock) : Grain, IUnderlyingGrain
{
    public async Task<UnderlyingInfo> Publish(decimal? index, IReadOnlyList<ForwardPoint> forwards, decimal? dividendYield, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(forwards);
        var now = clock.GetUtcNow();
        at = at == default ? now : at;
        if (at > now + TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException("observed_at: is in the future", nameof(at));
        }

        var info = state.State.Info ?? new UnderlyingInfo { Asset = this.GetPrimaryKeyString() };
        if (index is { } price)
        {
            info = price > 0 ? (at >= info.IndexAt ? info with { Index = price, IndexAt = at } : info)
                : throw new ArgumentException("index: must be positive", nameof(index));
        }

        if (forwards.Count > 0)
        {
            var curve = info.Forwards.ToDictionary(f => f.Expiry);
            foreach (var f in forwards)
            {
                if (f.Price <= 0)
                {
                    throw new ArgumentException($"forward {f.Expiry:O}: must be positive", nameof(forwards));
                }

                if (!curve.TryGetValue(f.Expiry, out var old) || old.At <= f.At)
                {
                    curve[f.Expiry] = f with { At = f.At == default ? at : f.At };
                }
            }

            // Expired points are dropped: nothing can reference them any more.
            info = info with { Forwards = [.. curve.Values.Where(f => f.Expiry > now).OrderBy(f => f.Expiry)] };
        }

        if (dividendYield is { } q)
        {
            info = q is >= -1 and <= 1 ? info with { DividendYield = q } : throw new ArgumentException("dividend_yield: must be in [-1, 1]", nameof(dividendYield));
        }

        info = info with { Version = info.Version + 1 };
        state.State.Info = info;
        await state.WriteStateAsync();
        var change = new MarketChange { Underlying = info };
        market.Apply([change]);
        await GrainFactory.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).Publish(change);
        return info;
    }

    public Task<UnderlyingInfo?> Get() => Task.FromResult(state.State.Info);
}

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
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(1);

    public async Task<InstrumentInfo> Upsert(InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        InstrumentSpecRules.Validate(this.GetPrimaryKeyString(), spec, clock.GetUtcNow(), [.. market.Frame.Model.Rulebook.Groups.Keys]);
        if (state.State.Info is { } existing && (existing.Spec.Kind != spec.Kind || existing.Spec.Expiry != spec.Expiry))
        {
            throw new ArgumentException("kind: the kind and expiry of a listed instrument cannot change; list a new id", nameof(spec));
        }

        return await Save((state.State.Info ?? new InstrumentInfo()) with { Spec = spec });
    }

    public Task<InstrumentInfo?> Get() => Task.FromResult(state.State.Info);

    public async Task<InstrumentInfo> SetHalted(bool halted, string reason)
    {
        var info = state.State.Info ?? throw new KeyNotFoundException($"instrument {this.GetPrimaryKeyString()} is not listed");
        GrainsLog.InstrumentHalted(logger, info.Spec.Id, halted, reason);
        return await Save(info with { Halted = halted, HaltReason = halted ? reason : "" });
    }

    public async Task<InstrumentInfo> PublishPrices(InstrumentPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var info = state.State.Info ?? throw new KeyNotFoundException($"instrument {this.GetPrimaryKeyString()} is not listed");
        var at = prices.At == default ? clock.GetUtcNow() : prices.At;
        if (at > clock.GetUtcNow() + MaxClockSkew)
        {
            throw new ArgumentException("observed_at: is in the future", nameof(prices));
        }

        var next = info;
        if (prices.Mark is { } mark)
        {
            Positive(mark, "mark");
            next = at >= info.MarkAt ? next with { Mark = mark, MarkAt = at } : next;
        }

        if (prices.Vol is { } vol)
        {
            if (vol is <= 0 or > 20)
            {
                throw new ArgumentException("vol: must be in (0, 20]", nameof(prices));
            }

            next = at >= info.VolAt ? next with { Vol = vol, VolAt = at } : next;
        }

        if (prices.SpanArray is { } array)
        {
            if (array.Count != 16)
            {
                throw new ArgumentException("span_array: needs 16 values", nameof(prices));
            }

            next = next with { SpanArray = [.. array], SpanDelta = prices.SpanDelta ?? next.SpanDelta };
        }

        if (prices.OpenInterest is { } oi)
        {
            next = oi >= 0 ? next with { OpenInterest = oi } : throw new ArgumentException("open_interest: must be ≥ 0", nameof(prices));
        }

        return ReferenceEquals(next, info) ? info : await Save(next);
    }

    private async Task<InstrumentInfo> Save(InstrumentInfo info)
    {
        info = info with { Version = (state.State.Info?.Version ?? 0) + 1 };
        state.State.Info = info;
        await state.WriteStateAsync();
        var change = new MarketChange { Instrument = info };
        market.Apply([change]);
        await GrainFactory.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).Publish(change);
        return info;
    }

    private static void Positive(decimal value, string field)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"{field}: must be positive", field);
        }
    }
}

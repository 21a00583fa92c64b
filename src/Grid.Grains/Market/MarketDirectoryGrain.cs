using Grid.Abstractions.Market;
using Microsoft.Extensions.Logging;
using Grid.Grains.Fanout;

namespace Grid.Grains.Market;

/// <summary>
/// Fans published changes out to every silo's <see cref="MarketView"/> and keeps the latest of
/// everything for silos that start later. On the price path only; never on the check path.
/// </summary>
[GrainType("market-directory")]
public sealed class MarketDirectoryGrain(
    [PersistentState("directory", GridStorage.Name)] IPersistentState<DirectoryRecord> state,
    [PersistentState("feeds", GridStorage.Name)] IPersistentState<SubscriberRecord<IMarketObserver>> feeds,
    ILogger<MarketDirectoryGrain> logger) : Grain, IMarketDirectoryGrain
{
    /// <summary>Key of the single directory grain.</summary>
    public const string Key = "market";

    private readonly SiloFeeds<IMarketObserver> _observers = new(feeds, logger);
    private readonly Dictionary<string, InstrumentInfo> _instruments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnderlyingInfo> _underlyings = new(StringComparer.Ordinal);
    private RulebookInfo? _rulebook;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _observers.Restore();

        // Reload the latest of everything from its owners (they persist it).
        _rulebook = await GrainFactory.GetGrain<IRulebookGrain>(RulebookGrain.Key).Get();
        foreach (var id in state.State.Instruments)
        {
            await Warm("instrument", id, async () => Remember(await GrainFactory.GetGrain<IInstrumentGrain>(id).Get()));
        }

        foreach (var asset in state.State.Underlyings)
        {
            await Warm("underlying", asset, async () => Remember(await GrainFactory.GetGrain<IUnderlyingGrain>(asset).Get()));
        }
    }

    public async Task Publish(MarketChange change)
    {
        var isNew = Record(change);
        await _observers.Notify(o => o.Changed([change]));
        if (isNew)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task PublishStep(MarketChange[] step)
    {
        var isNew = false;
        foreach (var change in step)
        {
            isNew |= Record(change);
        }

        // One notification per silo for the whole step: each applies it in one swap.
        await _observers.Notify(o => o.Changed(step));
        if (isNew)
        {
            await state.WriteStateAsync();
        }
    }

    // Remembers the newest version of what changed; true when it lists something not listed before.
    private bool Record(MarketChange change)
    {
        var isNew = change.Instrument is { } i && state.State.Instruments.Add(i.Spec.Id)
            || change.Underlying is { } u && state.State.Underlyings.Add(u.Asset);
        Remember(change.Instrument);
        Remember(change.Underlying);
        if (change.Rulebook is { } r && (_rulebook is null || _rulebook.Revision < r.Revision))
        {
            _rulebook = r;
        }

        return isNew;
    }

    public Task Subscribe(IMarketObserver observer) => _observers.Subscribe(observer);

    public Task Unsubscribe(IMarketObserver observer) => _observers.Unsubscribe(observer);

    public Task<MarketState> GetState() => Task.FromResult(new MarketState
    {
        Rulebook = _rulebook,
        Instruments = [.. _instruments.Values],
        Underlyings = [.. _underlyings.Values],
    });

    private void Remember(InstrumentInfo? info)
    {
        if (info is not null && (!_instruments.TryGetValue(info.Spec.Id, out var old) || old.Version < info.Version))
        {
            _instruments[info.Spec.Id] = info;
        }
    }

    private void Remember(UnderlyingInfo? info)
    {
        if (info is not null && (!_underlyings.TryGetValue(info.Asset, out var old) || old.Version < info.Version))
        {
            _underlyings[info.Asset] = info;
        }
    }

    private async Task Warm(string kind, string id, Func<Task> load)
    {
        try
        {
            await load();
        }
        catch (Exception e)
        {
            GrainsLog.MarketDirectoryWarmFailed(logger, kind, id, e);
        }
    }
}

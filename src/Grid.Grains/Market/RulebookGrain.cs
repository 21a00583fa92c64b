using Grid.Abstractions.Market;
using Grid.Risk.Rulebooks;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Market;

/// <summary>Owns the rulebook in force: validated on load, versioned, published to every silo.</summary>
[GrainType("rulebook")]
public sealed class RulebookGrain(
    [PersistentState("rulebook", GridStorage.Name)] IPersistentState<RulebookRecord> state,
    MarketView market,
    TimeProvider clock,
    ILogger<RulebookGrain> logger) : Grain, IRulebookGrain
{
    /// <summary>Key of the single rulebook grain.</summary>
    public const string Key = "current";

    public async Task<RulebookInfo> Load(string json, bool dryRun)
    {
        Rulebook parsed;
        try
        {
            parsed = RulebookReader.Parse(json ?? "");
        }
        catch (RulebookException e)
        {
            throw new ArgumentException(e.Message, e.Field);
        }

        var next = new RulebookInfo
        {
            Version = parsed.Version,
            Json = json!,
            LoadedAt = clock.GetUtcNow(),
            Revision = (state.State.Info?.Revision ?? 0) + 1,
            Rate = state.State.Info?.Rate ?? 0,
        };
        return dryRun ? next : await Save(next);
    }

    public async Task<RulebookInfo> SetRate(decimal rate)
    {
        if (rate is < -0.5m or > 1m)
        {
            throw new ArgumentException("rate: must be in [-0.5, 1]", nameof(rate));
        }

        var current = state.State.Info ?? new RulebookInfo { Version = Rulebook.Default.Version, Json = "", LoadedAt = clock.GetUtcNow() };
        return await Save(current with { Rate = rate, Revision = current.Revision + 1 });
    }

    public Task<RulebookInfo?> Get() => Task.FromResult(state.State.Info);

    private async Task<RulebookInfo> Save(RulebookInfo info)
    {
        if (info.Json.Length == 0)
        {
            info = info with { Json = DefaultJson() };
        }

        state.State.Info = info;
        await state.WriteStateAsync();
        GrainsLog.RulebookLoaded(logger, info.Version, info.Revision);
        var change = new MarketChange { Rulebook = info };
        market.Apply([change]);
        await GrainFactory.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).Publish(change);
        return info;
    }

    private static string DefaultJson()
    {
        using var stream = typeof(Rulebook).Assembly.GetManifestResourceStream("Grid.Risk.default-rulebook.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

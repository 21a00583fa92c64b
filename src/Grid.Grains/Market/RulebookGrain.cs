using System.Text.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.House;
using Grid.Abstractions.Market;
using Grid.Grains.House;
using Grid.Risk.Rulebooks;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Market;

/// <summary>
/// Owns the rulebook in force and the risk-free rate: validated on load, versioned, published to every
/// silo. A version names one content: the same version with other content is refused, the same
/// content again changes nothing, and a rulebook that drops what listed instruments use is refused.
/// A new rulebook's impact on every account is computed across the cluster first (Rulebook §5.5), and
/// the anti-procyclicality guard of the rulebook in force refuses it unless forced.
/// </summary>
[GrainType("rulebook")]
public sealed class RulebookGrain(
    [PersistentState("rulebook", GridStorage.Name)] IPersistentState<RulebookRecord> state,
    MarketView market,
    TimeProvider clock,
    ILogger<RulebookGrain> logger) : Grain, IRulebookGrain
{
    /// <summary>Key of the single rulebook grain.</summary>
    public const string Key = "current";

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public Task<RulebookInfo> Load(string json, bool dryRun) => Load(json, dryRun, force: false);

    public Task<RulebookInfo> Load(string json, bool dryRun, bool force) => Load(json, dryRun, force, guarded: true);

    // The mounted file is the operator's configuration, installed once on a cluster without a rulebook, at
    // silo start (before the house can be asked): no impact, no guard.
    public Task<RulebookInfo> Install(string json) => Load(json, dryRun: false, force: false, guarded: false);

    private async Task<RulebookInfo> Load(string json, bool dryRun, bool force, bool guarded)
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

        // The shipped default is in force until a rulebook is loaded, so its version is taken too.
        var current = state.State.Info;
        var (currentVersion, currentJson) = current is { Json.Length: > 0 } ? (current.Version, current.Json) : (Rulebook.Default.Version, DefaultJson());
        if (currentVersion == parsed.Version)
        {
            if (!SameContent(currentJson, json!))
            {
                throw new InvalidOperationException(
                    $"version: rulebook {parsed.Version} is already loaded with other content; give the changed rulebook a new version");
            }

            // Nothing to store: the rulebook in force (stored, or the shipped default) is this one already.
            return current is not null ? current with { Unchanged = true } : new RulebookInfo { Version = parsed.Version, Json = json!, Unchanged = true };
        }

        var listed = await GrainFactory.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).GetState();
        RulebookCoverage.Require(parsed, listed.Instruments);
        var next = new RulebookInfo
        {
            Version = parsed.Version,
            Json = json!,
            LoadedAt = clock.GetUtcNow(),
            Revision = (current?.Revision ?? 0) + 1,
            Rate = current?.Rate ?? 0,
            RateAt = current?.RateAt ?? default,
        };
        var house = GrainFactory.GetGrain<IHouseRiskGrain>(HouseRiskGrain.Key);
        var impact = guarded ? await house.Impact(json!, current?.Revision ?? 0, dryRun, force) : null;
        if (impact is { Refused: true } && !force)
        {
            // Rulebook §5.5: refused naming the figure, unless forced.
            var figure = impact.Breaches[0].Figure;
            var field = figure.Contains(' ', StringComparison.Ordinal) ? "apc.maxHouseIncrease" : figure;
            throw new InvalidOperationException($"{field}: {string.Join("; ", impact.Breaches.Select(b => b.Message))}; load with force to override");
        }

        if (dryRun)
        {
            return next with { Impact = impact };
        }

        var saved = await Save(next);
        await house.RulebookLoaded(saved.Revision);
        return saved with { Impact = impact };
    }

    public async Task<RulebookInfo> SetRate(decimal rate)
    {
        var info = await StoreRate(rate, clock.GetUtcNow());
        await Publish(info);
        return info;
    }

    public async Task<RulebookInfo> StoreRate(decimal rate, DateTimeOffset at)
    {
        if (rate is < -0.5m or > 1m)
        {
            throw new ArgumentException("rate.rate: must be in [-0.5, 1]", nameof(rate));
        }

        var now = clock.GetUtcNow();
        at = at == default ? now : at;
        if (at > now + InstrumentPriceRules.MaxClockSkew)
        {
            throw new ArgumentException($"observed_at: the rate is observed in the future ({at:O})", nameof(at));
        }

        var current = state.State.Info ?? new RulebookInfo { Version = Rulebook.Default.Version, Json = "", LoadedAt = now };
        return at < current.RateAt ? current : await Store(current with { Rate = rate, RateAt = at, Revision = current.Revision + 1 });
    }

    public Task<RulebookInfo?> Get() => Task.FromResult(state.State.Info);

    private async Task<RulebookInfo> Save(RulebookInfo info)
    {
        info = await Store(info);
        GrainsLog.RulebookLoaded(logger, info.Version, info.Revision);
        await Publish(info);
        return info;
    }

    private async Task<RulebookInfo> Store(RulebookInfo info)
    {
        if (info.Json.Length == 0)
        {
            info = info with { Json = DefaultJson() };
        }

        state.State.Info = info;
        await state.WriteStateAsync();
        return info;
    }

    // This silo sees the change before the call returns; the others through the directory's fan-out.
    private async Task Publish(RulebookInfo info)
    {
        var change = new MarketChange { Rulebook = info };
        market.Apply([change]);
        await GrainFactory.GetGrain<IMarketDirectoryGrain>(MarketDirectoryGrain.Key).Publish(change);
    }

    // The same JSON value: whitespace, comments, trailing commas and the order of keys do not count.
    private static bool SameContent(string a, string b)
    {
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(a, documentOptions: Lenient), JsonNode.Parse(b, documentOptions: Lenient));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string DefaultJson()
    {
        using var stream = typeof(Rulebook).Assembly.GetManifestResourceStream("Grid.Risk.default-rulebook.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using Grid.Abstractions.Market;
using Grid.Console.Views;
using Grid.Risk.Instruments;

namespace Grid.Console.Api;

/// <summary>Instruments and index prices as the market directory holds them; delta-one first, options last.</summary>
internal sealed class MarketSource(IGrainFactory grains, TimeProvider clock)
{
    /// <summary>Key of the market directory grain.</summary>
    public const string DirectoryKey = "market";

    public async Task<MarketBoard> Get()
    {
        var state = await grains.GetGrain<IMarketDirectoryGrain>(DirectoryKey).GetState();
        var indices = state.Underlyings.ToDictionary(u => u.Asset, StringComparer.Ordinal);
        var rows = state.Instruments
            .OrderBy(i => IsOption(i.Spec.Kind))
            .ThenBy(i => i.Spec.Group ?? i.Spec.Underlying ?? "", StringComparer.Ordinal)
            .ThenBy(i => i.Spec.Kind)
            .ThenBy(i => i.Spec.Id, StringComparer.Ordinal)
            .Select(i => Row(i, indices))
            .ToList();
        var index = state.Underlyings
            .Where(u => u.Index > 0)
            .OrderBy(u => u.Asset, StringComparer.Ordinal)
            .Select(u => new IndexRow(u.Asset, u.Index, u.IndexAt))
            .ToList();
        return new MarketBoard(clock.GetUtcNow(), rows, index);
    }

    /// <summary>The mark of <paramref name="instrumentId"/>; KeyNotFoundException when not listed.</summary>
    public async Task<decimal> Mark(string instrumentId)
    {
        var info = await grains.GetGrain<IInstrumentGrain>(instrumentId).Get()
            ?? throw new KeyNotFoundException($"instrument {instrumentId} is not listed");
        return info.Mark > 0
            ? info.Mark
            : throw new ArgumentException($"price: {instrumentId} has no mark (options publish vols); give a price", nameof(instrumentId));
    }

    private static InstrumentRow Row(InstrumentInfo i, Dictionary<string, UnderlyingInfo> indices)
    {
        var s = i.Spec;
        var (price, source, at) = i switch
        {
            { Mark: > 0 } => ((decimal?)i.Mark, "mark", (DateTimeOffset?)i.MarkAt),
            { Vol: > 0 } => (i.Vol, "vol", i.VolAt),
            _ when s.Underlying is { } u && indices.TryGetValue(u, out var x) && x.Index > 0 => (x.Index, "index", x.IndexAt),
            _ => (null, "none", null),
        };
        return new InstrumentRow(
            s.Id,
            DisplayNames.Code(s.Kind.ToString()),
            s.Group ?? s.Underlying ?? "",
            s.Underlying ?? "",
            price,
            source,
            at,
            i.Halted,
            i.HaltReason,
            s.Expiry);
    }

    private static bool IsOption(InstrumentKind kind) => kind is InstrumentKind.Option or InstrumentKind.InverseOption;
}

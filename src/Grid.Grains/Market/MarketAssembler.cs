using Grid.Abstractions.Market;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Market;

/// <summary>
/// Turns the published market (rulebook, instruments, underlyings) into a <see cref="MarketFrame"/>. The
/// frame's instant, which figures report as their as-of, is the newest observation among its market
/// inputs; before any, the instant the frame was built. Each group's instant (the newest observation
/// among its own inputs, from which its options' time to expiry is measured) is the risk core's
/// <see cref="GroupModel.Instant"/>, built from the same per-key observation times; the model shares the
/// compiled groups a batch did not move with the previous frame's model.
/// </summary>
internal static class MarketAssembler
{
    public static MarketFrame Assemble(
        MarketFrameKey key, RulebookInfo? rulebookInfo, Rulebook rulebook, IReadOnlyDictionary<string, InstrumentInfo> instruments,
        IReadOnlyDictionary<string, UnderlyingInfo> underlyings, DateTimeOffset built)
    {
        rulebookInfo ??= new RulebookInfo { Version = rulebook.Version, LoadedAt = built };
        var asOf = rulebookInfo.RateAt;
        var index = new Dictionary<string, double>(StringComparer.Ordinal);
        var forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>(StringComparer.Ordinal);
        var dividends = new Dictionary<string, double>(StringComparer.Ordinal);
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var inputs = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var u in underlyings.Values)
        {
            if (u.Index > 0)
            {
                index[u.Asset] = (double)u.Index;
                times[u.Asset] = u.IndexAt;
            }

            if (u.Forwards.Count > 0)
            {
                forwards[u.Asset] = u.Forwards.ToDictionary(f => f.Expiry, f => (double)f.Price);
            }

            dividends[u.Asset] = (double)u.DividendYield;
            inputs[u.Asset] = u.NewestObservation;
            asOf = Newer(asOf, u.NewestObservation);
        }

        var marks = new Dictionary<string, double>(StringComparer.Ordinal);
        var vols = new Dictionary<string, double>(StringComparer.Ordinal);
        var arrays = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var spanDeltas = new Dictionary<string, double>(StringComparer.Ordinal);
        var openInterest = new Dictionary<string, double>(StringComparer.Ordinal);
        var specs = new List<Instrument>(instruments.Count);
        foreach (var i in instruments.Values)
        {
            var id = i.Spec.Id;
            specs.Add(i.Spec.ToRisk());
            inputs[id] = i.NewestObservation;
            asOf = Newer(asOf, i.NewestObservation);
            if (i.Mark > 0)
            {
                marks[id] = (double)i.Mark;
                times[id] = i.MarkAt;
            }

            if (i.Vol > 0)
            {
                vols[id] = (double)i.Vol;
                times[id] = i.VolAt > (times.TryGetValue(id, out var t) ? t : default) ? i.VolAt : t;
            }

            if (i.SpanArray.Count == 16)
            {
                arrays[id] = i.SpanArray.Select(v => (double)v).ToArray();
            }

            // An unpublished delta is absent, not zero (Rulebook §4 item 29).
            if (i.HasSpanDelta)
            {
                spanDeltas[id] = (double)i.SpanDelta;
            }

            if (i.OpenInterest > 0)
            {
                openInterest[id] = (double)i.OpenInterest;
            }
        }

        var market = new MarketSnapshot
        {
            AsOf = asOf == default ? built : asOf,
            Index = index,
            Marks = marks,
            Forwards = forwards,
            Vols = vols,
            Rate = (double)rulebookInfo.Rate,
            DivYields = dividends,
            RiskArrays = arrays,
            SpanDeltas = spanDeltas,
            OpenInterest = openInterest,
            PriceTimes = times,
            InputTimes = inputs,
        };
        var skipped = new List<RiskInputException>();
        var model = RiskModel.Build(rulebook, specs, market, skipped, key.Previous);
        var unpriced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in skipped)
        {
            var id = specs.FirstOrDefault(s => e.Field.Contains(s.Id, StringComparison.Ordinal))?.Id ?? e.Field;
            unpriced[id] = e.Message;
        }

        return new MarketFrame(key.Version, key.Catalog, model, rulebookInfo, instruments, unpriced, GroupTimes(model, times), Array.ConvertAll(model.Groups, g => g.Instant));
    }

    private static DateTimeOffset Newer(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // A group's price time is the newest of its keys' price times: an asset that enters it, one of its instruments, their underlyings.
    private static DateTimeOffset[] GroupTimes(RiskModel model, Dictionary<string, DateTimeOffset> times)
    {
        var result = new DateTimeOffset[model.Groups.Length];
        foreach (var a in model.Assets)
        {
            if (a.Rule.OffsetGroup is { } g && model.TryGetGroup(g, out var gi) && times.TryGetValue(a.Rule.Name, out var t) && t > result[gi])
            {
                result[gi] = t;
            }
        }

        foreach (var i in model.Instruments)
        {
            if (i.Group >= 0 && times.TryGetValue(i.Spec.Id, out var t) && t > result[i.Group])
            {
                result[i.Group] = t;
            }

            if (i.Group >= 0 && i.Spec.Underlying is { } u && times.TryGetValue(u, out var tu) && tu > result[i.Group])
            {
                result[i.Group] = tu;
            }
        }

        return result;
    }
}

using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Market;

/// <summary>
/// Which groups a new market leaves exactly where the previous model had them: same rulebook, rate and
/// catalog, the same group instant, and every input of the group's keys (<see cref="GroupInstants"/>'
/// membership) equal to the last bit. Such a group compiles to the same arrays, so the new model shares
/// the previous one's compiled group and instruments instead of recomputing them.
/// </summary>
internal static class UnmovedGroups
{
    /// <summary>Unmoved flags by group index, or null when nothing can be shared (rulebook, rate or catalog changed).</summary>
    public static bool[]? Find(RiskModel previous, Rulebook rulebook, IReadOnlyList<Instrument> instruments, MarketSnapshot market, DateTimeOffset[] instants)
    {
        var before = previous.Market;
        if (!ReferenceEquals(previous.Rulebook, rulebook) || !before.Rate.Equals(market.Rate))
        {
            return null;
        }

        var unmoved = new bool[previous.Groups.Length];
        for (var g = 0; g < unmoved.Length; g++)
        {
            unmoved[g] = previous.Groups[g].Instant == instants[g];
        }

        foreach (var spec in instruments)
        {
            // One the previous model left out (unpriced) may still be: the build finds out.
            if (!previous.TryGetInstrument(spec.Id, out var i))
            {
                continue;
            }

            var old = previous.Instruments[i];
            if (!SameSpec(spec, old.Spec))
            {
                return null;
            }

            if (old.Group >= 0 && !old.Kind.IsCash() && unmoved[old.Group] && !SameInputs(spec, before, market))
            {
                unmoved[old.Group] = false;
            }

            // An option of a group without a stamped input is valued at the snapshot's instant.
            if (old.Kind.IsOption() && instants[old.Group] == default && before.AsOf != market.AsOf)
            {
                unmoved[old.Group] = false;
            }
        }

        foreach (var asset in previous.Assets)
        {
            if (asset.Rule.OffsetGroup is { } name && previous.TryGetGroup(name, out var g) && unmoved[g] && !Same(before.Index, market.Index, asset.Rule.Name))
            {
                unmoved[g] = false;
            }
        }

        return unmoved;
    }

    // A compiled cash pair stores its default quote; a listing without one means the same pair.
    private static bool SameSpec(Instrument spec, Instrument compiled)
        => spec == compiled || (spec.Kind.IsCash() && spec.Quote is null && spec with { Quote = compiled.Quote } == compiled);

    private static bool SameInputs(Instrument spec, MarketSnapshot before, MarketSnapshot market)
    {
        var id = spec.Id;
        if (!Same(before.Marks, market.Marks, id) || !Same(before.Vols, market.Vols, id) || !Same(before.SpanDeltas, market.SpanDeltas, id)
            || !Same(before.OpenInterest, market.OpenInterest, id) || !SameArray(before, market, id))
        {
            return false;
        }

        if (spec.Underlying is not { } u)
        {
            return true;
        }

        return Same(before.Index, market.Index, u) && Same(before.DivYields, market.DivYields, u) && SameForward(before, market, u, spec.Expiry);
    }

    private static bool Same(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b, string key)
    {
        var inA = a.TryGetValue(key, out var x);
        var inB = b.TryGetValue(key, out var y);
        return inA == inB && x.Equals(y);
    }

    private static bool SameArray(MarketSnapshot before, MarketSnapshot market, string id)
    {
        var inA = before.RiskArrays.TryGetValue(id, out var x);
        var inB = market.RiskArrays.TryGetValue(id, out var y);
        return inA == inB && (!inA || ReferenceEquals(x, y) || x!.AsSpan().SequenceEqual(y));
    }

    private static bool SameForward(MarketSnapshot before, MarketSnapshot market, string underlying, DateTimeOffset? expiry)
    {
        if (expiry is not { } e)
        {
            return true;
        }

        var inA = before.Forwards.TryGetValue(underlying, out var a);
        var inB = market.Forwards.TryGetValue(underlying, out var b);
        if (inA != inB)
        {
            return false;
        }

        if (!inA)
        {
            return true;
        }

        var hasA = a!.TryGetValue(e, out var x);
        var hasB = b!.TryGetValue(e, out var y);
        return hasA == hasB && x.Equals(y);
    }
}

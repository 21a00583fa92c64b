using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Market;

/// <summary>
/// Each group's market instant (<see cref="GroupModel.Instant"/>): the newest observation among the
/// keys the group is made of, the same membership the silo's monitor uses to tell which groups a price
/// batch moved: the assets that offset into the group, its instruments, and their underlyings. Cash
/// instruments carry no input of their own (their price is their assets' index). A snapshot without
/// observation times (the spec cases) puts every group at its instant; in one with times, a group none
/// of whose keys is stamped has none (default: it holds nothing priced, and its options, if any, are
/// valued at the snapshot's instant).
/// </summary>
internal static class GroupInstants
{
    public static DateTimeOffset[] Of(Rulebook rulebook, Dictionary<string, int> groupIndex, IReadOnlyList<Instrument> instruments, MarketSnapshot market)
    {
        var result = new DateTimeOffset[groupIndex.Count];
        var times = market.InputTimes;
        if (times.Count > 0)
        {
            foreach (var rule in rulebook.Assets.Values)
            {
                if (rule.OffsetGroup is { } name && groupIndex.TryGetValue(name, out var g))
                {
                    Newer(ref result[g], times, rule.Name);
                }
            }

            foreach (var spec in instruments)
            {
                if (!spec.Kind.IsCash() && spec.Group is { } name && groupIndex.TryGetValue(name, out var g))
                {
                    Newer(ref result[g], times, spec.Id);
                    if (spec.Underlying is { } underlying)
                    {
                        Newer(ref result[g], times, underlying);
                    }
                }
            }
        }

        else
        {
            Array.Fill(result, market.AsOf);
        }

        return result;
    }

    private static void Newer(ref DateTimeOffset instant, IReadOnlyDictionary<string, DateTimeOffset> times, string key)
    {
        if (times.TryGetValue(key, out var t) && t > instant)
        {
            instant = t;
        }
    }
}

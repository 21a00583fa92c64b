using Grid.Risk.Supervision;

namespace Grid.Abstractions.House;

/// <summary>Credits granted on one pair of groups (Rulebook §3.5, §5.4), unrounded USD.</summary>
/// <param name="GroupA">First group of the rulebook pair.</param>
/// <param name="GroupB">Second group.</param>
/// <param name="Credit">Credit of the order-inclusive IM.</param>
/// <param name="CreditPositions">Credit of the positions-only IM.</param>
[GenerateSerializer, Immutable, Alias("grid.PairCreditView")]
public sealed record PairCreditView([property: Id(0)] string GroupA, [property: Id(1)] string GroupB, [property: Id(2)] double Credit, [property: Id(3)] double CreditPositions)
{
    /// <summary>One entry per pair granted either credit, order-inclusive and positions-only side by side, in pair order.</summary>
    public static PairCreditView[] Merge(IReadOnlyList<PairCredit> orders, IReadOnlyList<PairCredit> positions)
    {
        var pairs = new SortedDictionary<string, PairCreditView>(StringComparer.Ordinal);
        foreach (var p in orders)
        {
            pairs[p.Pair] = new PairCreditView(p.GroupA, p.GroupB, p.Credit, 0);
        }

        foreach (var p in positions)
        {
            pairs[p.Pair] = pairs.TryGetValue(p.Pair, out var v) ? v with { CreditPositions = p.Credit } : new PairCreditView(p.GroupA, p.GroupB, 0, p.Credit);
        }

        return [.. pairs.Values];
    }
}

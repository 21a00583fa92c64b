using System.Globalization;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Supervision;

/// <summary>
/// The anti-procyclicality guard (Rulebook §5.5): a load that raises house-wide positions-only IM
/// by more than <c>maxHouseIncrease</c> in one step, or cuts any group's crypto <c>range</c> or FINRA
/// <c>up</c>/<c>down</c> by more than <c>maxRangeCut</c> relative, is refused naming the figure. The
/// thresholds are those of the rulebook in force: a candidate cannot loosen the guard that judges it.
/// </summary>
public static class ApcGuard
{
    /// <summary>Judges loading <paramref name="candidate"/> over <paramref name="current"/> given its house impact.</summary>
    public static ApcVerdict Judge(Rulebook current, Rulebook candidate, HouseImpactResult impact)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(impact);
        var apc = current.Apc;
        var breaches = new List<ApcBreach>();
        var rise = impact.ImPositionsIncrease;
        if (rise > apc.MaxHouseIncrease)
        {
            breaches.Add(new ApcBreach(
                "house positions-only IM", impact.ImPositionsBefore, impact.ImPositionsAfter, rise, apc.MaxHouseIncrease,
                $"house positions-only IM would rise {Pct(rise)} ({Usd(impact.ImPositionsBefore)} → {Usd(impact.ImPositionsAfter)} USD), above apc.maxHouseIncrease {Pct(apc.MaxHouseIncrease)}"));
        }

        foreach (var (name, before) in current.Groups)
        {
            if (!candidate.Groups.TryGetValue(name, out var after) || after.Grid != before.Grid)
            {
                continue;
            }

            if (before.Grid == GridKind.Crypto)
            {
                Cut(breaches, $"groups.{name}.range", before.Range, after.Range, apc.MaxRangeCut);
            }
            else if (before.Grid == GridKind.Finra)
            {
                Cut(breaches, $"groups.{name}.up", before.Up, after.Up, apc.MaxRangeCut);
                Cut(breaches, $"groups.{name}.down", -before.Down, -after.Down, apc.MaxRangeCut);
            }
        }

        return new ApcVerdict(breaches);
    }

    private static void Cut(List<ApcBreach> breaches, string field, double before, double after, double limit)
    {
        var cut = before > 0 ? (before - after) / before : 0;
        if (cut > limit)
        {
            breaches.Add(new ApcBreach(field, before, after, cut, limit, $"{field} would be cut {Pct(cut)} ({Num(before)} → {Num(after)}), above apc.maxRangeCut {Pct(limit)}"));
        }
    }

    private static string Pct(double x) => double.IsPositiveInfinity(x) ? "without bound" : (x * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Usd(double x) => x.ToString("N2", CultureInfo.InvariantCulture);

    private static string Num(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
}

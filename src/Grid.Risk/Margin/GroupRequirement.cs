using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Margin;

/// <summary>Turns an <see cref="Exposure"/> into <see cref="GroupFigures"/>:
/// GroupIM = max(Scan + Basis, SOM) + Concentration (Rulebook §3.4, §4 item 14).</summary>
internal static class GroupRequirement
{
    public static GroupFigures Of(GroupModel group, Exposure e)
    {
        var scan = group.Grid.Scan(e.Pnl, out var worst);
        return Combine(group.Rule, scan, worst, e.Delta, e.LongDeltaOne, e.ShortDeltaOne, e.SomStrike, e.MinPerContract);
    }

    public static GroupFigures Combine(GroupRule rule, double scan, int worst, double delta, double longD1, double shortD1, double somStrike, double minimum)
    {
        var basis = rule.BasisRate * Math.Min(longD1, shortD1);
        var som = somStrike + minimum;
        var concentration = rule.Concentration.Length == 0 ? 0 : Tier.Marginal(rule.Concentration, Math.Abs(delta));
        return new GroupFigures
        {
            Scan = scan,
            WorstScenario = worst,
            Basis = basis,
            SomStrike = somStrike,
            SomMinPerContract = minimum,
            Concentration = concentration,
            Delta = delta,
            LongDeltaOne = longD1,
            ShortDeltaOne = shortD1,
            GroupIm = Math.Max(scan + basis, som) + concentration,
        };
    }
}

using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Margin;

/// <summary>STD requirements of options per unit of underlying (Rulebook §3.6, §4 items 3 and 19).</summary>
internal static class StdOptions
{
    /// <summary>Naked short option: Deribit standard for crypto, Cboe strategy rules for equity and index.</summary>
    public static (double Im, double Mm) NakedShort(StdRules rules, InstrumentRisk o)
    {
        var s = o.UnderlyingPrice;
        var value = o.Value / o.Multiplier;
        var otm = o.IsCall ? Math.Max(0, o.Strike - s) : Math.Max(0, s - o.Strike);
        if (o.CryptoUnderlying)
        {
            var im = Math.Max(rules.CryptoOptionImOtmBase - otm / s, rules.CryptoOptionImFloor) * s + value;
            return (im, rules.CryptoOptionMm * s + value);
        }

        var rate = o.UnderlyingIsIndex ? rules.IndexOptionRate : rules.EquityOptionRate;
        var floor = rules.OptionFloorRate * (o.IsCall ? s : o.Strike);
        var req = value + Math.Max(rate * s - otm, floor);
        return (req, req);
    }

    /// <summary>Max loss per unit pair of a vertical: spread value now − its worst value at expiry (USD payoffs).</summary>
    public static double VerticalMaxLoss(InstrumentRisk shortLeg, InstrumentRisk longLeg)
    {
        var now = (longLeg.Value - shortLeg.Value) / shortLeg.Multiplier;
        var worst = double.PositiveInfinity;
        foreach (var price in (ReadOnlySpan<double>)[0, shortLeg.Strike, longLeg.Strike, 2 * Math.Max(shortLeg.Strike, longLeg.Strike)])
        {
            worst = Math.Min(worst, Payoff(longLeg, price) - Payoff(shortLeg, price));
        }

        return Math.Max(0, now - worst);
    }

    /// <summary>True when two options can form a vertical (same underlying, kind, right, expiry, multiplier).</summary>
    public static bool CanPair(InstrumentRisk a, InstrumentRisk b)
        => a.Kind == b.Kind && a.IsCall == b.IsCall && a.Spec.Expiry == b.Spec.Expiry && a.Multiplier == b.Multiplier
           && a.Spec.Underlying == b.Spec.Underlying && a.Strike != b.Strike;

    private static double Payoff(InstrumentRisk o, double price)
        => o.IsCall ? Math.Max(0, price - o.Strike) : Math.Max(0, o.Strike - price);

    /// <summary>True for calls that a long balance of the underlying can cover.</summary>
    public static bool Coverable(InstrumentRisk o) => o.Kind.IsOption() && o.IsCall;
}

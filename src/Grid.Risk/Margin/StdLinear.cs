using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Margin;

/// <summary>STD requirements of delta-one positions and borrowed coins (Rulebook §3.6, §4 items 3 and 19).</summary>
internal static class StdLinear
{
    /// <summary>Linear perp or future: IM = max(imRate·N, MM) with MM from the brackets, or the instrument's venue style.</summary>
    public static (double Im, double Mm) Linear(StdRules rules, StdOverride? style, double notional, double openInterestUsd)
    {
        if (notional == 0)
        {
            return (0, 0);
        }

        switch (style?.Style)
        {
            case StdStyle.Hyperliquid:
                return (notional / style.Leverage, notional / style.MaxLeverage / 2);
            case StdStyle.Dydx:
                var scale = style.OiUpperCap > style.OiLowerCap
                    ? Math.Clamp((openInterestUsd - style.OiLowerCap) / (style.OiUpperCap - style.OiLowerCap), 0, 1)
                    : 0;
                var imf = style.Imf + (1 - style.Imf) * scale;
                return (notional * imf, notional * style.Imf * style.Mmf);
            default:
                var mm = Bracket(rules.LinearBrackets, notional);
                return (Math.Max(rules.LinearImRate * notional, mm), mm);
        }
    }

    /// <summary>The name of the rule <see cref="Linear"/> applies, for the requirement lines.</summary>
    public static string RuleName(StdOverride? style) => style?.Style switch
    {
        StdStyle.Hyperliquid => "linear (Hyperliquid leverage)",
        StdStyle.Dydx => "linear (dYdX open-interest IMF)",
        _ => "linear (IM rate, MM brackets)",
    };

    /// <summary>Inverse future, Deribit standard: rates grow 0.5% per 100 coins of size (charged in coin, shown in USD).</summary>
    public static (double Im, double Mm) Inverse(StdRules rules, double coins, double indexPrice)
    {
        var im = (rules.InverseImBase + rules.InverseImPer100 * coins / 100) * coins;
        var mm = (rules.InverseMmBase + rules.InverseMmPer100 * coins / 100) * coins;
        return (im * indexPrice, mm * indexPrice);
    }

    /// <summary>Binance-style maintenance: N·MMR − cum of the bracket containing N.</summary>
    public static double Bracket(MmrBracket[] brackets, double notional)
    {
        foreach (var b in brackets)
        {
            if (notional <= b.UpperBound)
            {
                return notional * b.MaintenanceRate - b.Cumulative;
            }
        }

        var last = brackets.Length > 0 ? brackets[^1] : new MmrBracket(double.PositiveInfinity, 1, 0);
        return notional * last.MaintenanceRate - last.Cumulative;
    }

    /// <summary>USD open interest of an instrument: contracts × multiplier × mark.</summary>
    public static double OpenInterestUsd(InstrumentRisk risk) => risk.OpenInterest * risk.Multiplier * risk.Mark;
}

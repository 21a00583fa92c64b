namespace Grid.Risk.Pricing;

/// <summary>
/// Black-76 on a forward (Rulebook §0): C = DF·(F·N(d1) − K·N(d2)), P = DF·(K·N(−d2) − F·N(−d1)).
/// With zero vol or zero time the price is the discounted intrinsic value.
/// </summary>
public static class Black76
{
    /// <summary>Option price per unit of underlying.</summary>
    public static double Price(bool isCall, double forward, double strike, double years, double vol, double discount)
    {
        var stdDev = vol * Math.Sqrt(years);
        if (!(stdDev > 1e-12))
        {
            var intrinsic = isCall ? forward - strike : strike - forward;
            return discount * Math.Max(intrinsic, 0);
        }

        var d1 = (Math.Log(forward / strike) + 0.5 * stdDev * stdDev) / stdDev;
        var d2 = d1 - stdDev;
        return isCall
            ? discount * (forward * NormalDistribution.Cdf(d1) - strike * NormalDistribution.Cdf(d2))
            : discount * (strike * NormalDistribution.Cdf(-d2) - forward * NormalDistribution.Cdf(-d1));
    }

    /// <summary>Forward delta: call DF·N(d1), put −DF·N(−d1) (Rulebook §0).</summary>
    public static double Delta(bool isCall, double forward, double strike, double years, double vol, double discount)
    {
        var stdDev = vol * Math.Sqrt(years);
        if (!(stdDev > 1e-12))
        {
            var itm = isCall ? forward > strike : forward < strike;
            return itm ? (isCall ? discount : -discount) : 0;
        }

        var d1 = (Math.Log(forward / strike) + 0.5 * stdDev * stdDev) / stdDev;
        return isCall ? discount * NormalDistribution.Cdf(d1) : -discount * NormalDistribution.Cdf(-d1);
    }
}

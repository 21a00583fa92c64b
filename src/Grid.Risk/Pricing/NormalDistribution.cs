namespace Grid.Risk.Pricing;

/// <summary>
/// Standard normal CDF to near machine precision, without tables: a positive-term series for
/// erf on |x| &lt; 3 and a continued fraction for erfc beyond (no cancellation in either).
/// </summary>
public static class NormalDistribution
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.5641895835477563;

    /// <summary>N(x) = ½·erfc(−x/√2).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x * 0.7071067811865476);

    /// <summary>Standard normal density.</summary>
    public static double Pdf(double x) => 0.3989422804014327 * Math.Exp(-0.5 * x * x);

    /// <summary>The complementary error function.</summary>
    public static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2.0 - Erfc(-x);
        }

        return x < 3.0 ? 1.0 - ErfSeries(x) : ErfcContinuedFraction(x);
    }

    // erf(x) = 2/√π · e^{−x²} · Σ (2x²)^n·x / (2n+1)!!  (all terms positive).
    private static double ErfSeries(double x)
    {
        var x2 = 2 * x * x;
        double term = x, sum = x;
        for (var n = 1; n < 200; n++)
        {
            term *= x2 / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return TwoOverSqrtPi * Math.Exp(-x * x) * sum;
    }

    // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), modified Lentz.
    private static double ErfcContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (var n = 1; n < 500; n++)
        {
            var a = n * 0.5;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return OneOverSqrtPi * Math.Exp(-x * x) / f;
    }
}

using Grid.Risk.Accounts;

namespace Grid.Risk.Decisions;

/// <summary>
/// The largest size q such that every size in (0, q] passes the pre-trade check (Rulebook §3.8,
/// §4 item 25), to 1e-6 of a unit: a geometric probe finds the first failing size, then bisection
/// narrows the boundary of that first passing interval.
/// </summary>
public static class MaxOrderSize
{
    /// <summary>Smallest size probed.</summary>
    public const double MinProbe = 1e-6;

    /// <summary>Sizes above this are reported as the cap (the order never fails before it).</summary>
    public const double Cap = 1e12;

    /// <summary>Computes the max size for (instrument, side, price) on <paramref name="book"/>.</summary>
    public static double Of(AccountBook book, string instrument, Side side, double price)
    {
        if (!book.Model.TryGetInstrument(instrument, out var i))
        {
            return 0;
        }

        bool Passes(double q) => book.Check(i, side, q, price).Accepted;

        if (!Passes(MinProbe))
        {
            return 0;
        }

        double lo = MinProbe, hi = double.NaN;
        for (var q = MinProbe * 1.25; q <= Cap; q *= 1.25)
        {
            if (!Passes(q))
            {
                hi = q;
                break;
            }

            lo = q;
        }

        if (double.IsNaN(hi))
        {
            return Cap;
        }

        for (var n = 0; n < 80 && hi - lo > 1e-9 * Math.Max(1, hi); n++)
        {
            var mid = 0.5 * (lo + hi);
            if (Passes(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

using Grid.Risk.Accounts;

namespace Grid.Risk.Decisions;

/// <summary>
/// The largest size q such that every size in (0, q] passes the full pre-trade decision of
/// <see cref="OrderGate"/> (policy gates and margin test; Rulebook §3.8, §4 item 25), on a grid of
/// 1e-6 of a unit: the result is the largest multiple of 1e-6 that passes, found on whole micro-units
/// so no float rounding moves it. A geometric probe (×1.25 from 1e-6) finds the first failing size,
/// then bisection on micro-units narrows the end of that first passing interval exactly.
/// </summary>
public static class MaxOrderSize
{
    /// <summary>The grid the size is reported on: 1e-6 of a contract (or of a base unit).</summary>
    public const double Unit = 1e-6;

    /// <summary>Smallest size probed.</summary>
    public const double MinProbe = Unit;

    /// <summary>Sizes passing up to this are reported as the cap.</summary>
    public const double Cap = 1e12;

    /// <summary><see cref="Cap"/> in micro-units.</summary>
    public const long CapUnits = 1_000_000_000_000_000_000;

    /// <summary>Micro-units per unit, for exact decimal conversion (units / 1e6m).</summary>
    public const decimal UnitsPerContract = 1_000_000m;

    /// <summary>
    /// Max size for (instrument, side, price) under the margin test and the grid's own value limits, with
    /// no instrument limits and no account controls (the Rulebook's figure).
    /// </summary>
    public static double Of(AccountBook book, string instrument, Side side, double price)
        => book.Model.TryGetInstrument(instrument, out var i) ? ToQty(Units(book, i, side, price, default, default)) : 0;

    /// <summary>
    /// Max size in micro-units (0 when even 1e-6 fails; <see cref="CapUnits"/> when nothing up to the cap
    /// fails) under the full decision with <paramref name="limits"/> and <paramref name="account"/>.
    /// </summary>
    public static long Units(AccountBook book, int instrument, Side side, double price, in TradingLimits limits, in AccountControls account)
    {
        var probe = new Probe(book, instrument, side, price, limits, account);
        if (!probe.Passes(1))
        {
            return 0;
        }

        long lo = 1, hi = -1;
        for (var n = 2L; ; n = Math.Min(CapUnits, Math.Max(n + 1, (long)(n * 1.25))))
        {
            if (!probe.Passes(n))
            {
                hi = n;
                break;
            }

            lo = n;
            if (n == CapUnits)
            {
                return CapUnits;
            }
        }

        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (probe.Passes(mid))
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

    /// <summary>
    /// Micro-units as a quantity: a division by the exact 1e6, so the double is the one a caller gets from
    /// the decimal units / 1e6 (the size the grid reports is checked as the very double probed here).
    /// </summary>
    public static double ToQty(long units) => units / 1e6;

    // The decision inputs held once, so each probe is a plain call (no closure, no allocation).
    private readonly struct Probe(AccountBook book, int instrument, Side side, double price, TradingLimits limits, AccountControls account)
    {
        public bool Passes(long units) => OrderGate.Check(book, new OrderTerms(instrument, side, ToQty(units), price), limits, account).Accepted;
    }
}

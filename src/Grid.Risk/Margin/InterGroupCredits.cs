using Grid.Risk.Market;

namespace Grid.Risk.Margin;

/// <summary>
/// SPAN-style inter-group credits (Rulebook §3.5, §4 item 15): pairs in priority order, WPR =
/// Scan/|Δ|, n = min(|Δ_A|rem, |Δ_B|rem/k), credit = c·n·(WPR_A + k·WPR_B) capped at c·(Scan_A + Scan_B).
/// </summary>
internal static class InterGroupCredits
{
    /// <summary>Total credit for per-group scans and deltas (NaN scan = group absent).</summary>
    /// <param name="model">The model (pairs).</param>
    /// <param name="scans">Scan per group index.</param>
    /// <param name="deltas">Δ per group index.</param>
    /// <param name="perGroup">Receives each group's share, if not empty.</param>
    /// <param name="lines">Receives one line per pair that granted credit, if not null.</param>
    public static double Compute(RiskModel model, ReadOnlySpan<double> scans, ReadOnlySpan<double> deltas, Span<double> perGroup, List<CreditLine>? lines)
    {
        var pairs = model.CreditPairs;
        if (pairs.Length == 0)
        {
            return 0;
        }

        Span<double> remaining = stackalloc double[scans.Length];
        for (var g = 0; g < scans.Length; g++)
        {
            remaining[g] = Math.Abs(deltas[g]);
        }

        double total = 0;
        foreach (var p in pairs)
        {
            double dA = deltas[p.A], dB = deltas[p.B];
            if (double.IsNaN(scans[p.A]) || double.IsNaN(scans[p.B]) || !(dA * dB < 0))
            {
                continue;
            }

            var n = Math.Min(remaining[p.A], remaining[p.B] / p.Ratio);
            if (!(n > 0))
            {
                continue;
            }

            var wprA = scans[p.A] / Math.Abs(dA);
            var wprB = scans[p.B] / Math.Abs(dB);
            var creditA = p.Rate * n * wprA;
            var creditB = p.Rate * n * p.Ratio * wprB;
            var credit = creditA + creditB;
            var cap = p.Rate * (scans[p.A] + scans[p.B]);
            if (credit > cap)
            {
                creditA *= cap / credit;
                creditB *= cap / credit;
                credit = cap;
            }

            remaining[p.A] -= n;
            remaining[p.B] -= n * p.Ratio;
            total += credit;
            if (!perGroup.IsEmpty)
            {
                perGroup[p.A] += creditA;
                perGroup[p.B] += creditB;
            }

            lines?.Add(new CreditLine(model.Groups[p.A].Name, model.Groups[p.B].Name, n, wprA, wprB, credit));
        }

        return total;
    }
}

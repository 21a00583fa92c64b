using Grid.Risk.Margin;

namespace Grid.Risk.Accounts;

/// <summary>
/// Checks an incrementally maintained book against a full recompute of the same holdings: equal state
/// hashes, equal figures (fast path and full report), equal group requirements. Used by the property
/// tests and by the grid's account verification (Admin.VerifyAccount).
/// </summary>
public static class BookVerification
{
    /// <summary>
    /// The first difference between <paramref name="incremental"/> and <paramref name="full"/> (a book
    /// rebuilt from scratch), or null when they agree within floating-point noise.
    /// </summary>
    public static string? Compare(AccountBook incremental, AccountBook full)
    {
        ArgumentNullException.ThrowIfNull(incremental);
        ArgumentNullException.ThrowIfNull(full);
        if (incremental.StateHash() != full.StateHash())
        {
            return $"holdings: incremental hash {incremental.StateHash():x16} vs full {full.StateHash():x16}";
        }

        var report = full.Evaluate();
        var fast = incremental.Figures();
        if (!Close(fast.Im, report.Im) || !Close(fast.Mm, report.Mm) || !Close(fast.Ae, report.Ae) || !Close(fast.OrderCosts, report.OrderCosts))
        {
            return $"fast figures: IM {fast.Im:R}, MM {fast.Mm:R}, AE {fast.Ae:R}, order costs {fast.OrderCosts:R} vs full IM {report.Im:R}, MM {report.Mm:R}, AE {report.Ae:R}, order costs {report.OrderCosts:R}";
        }

        return Compare(incremental.Evaluate(), report);
    }

    /// <summary>The first difference between two reports of the same holdings, or null.</summary>
    public static string? Compare(MarginReport incremental, MarginReport full)
    {
        ArgumentNullException.ThrowIfNull(incremental);
        ArgumentNullException.ThrowIfNull(full);
        (string Name, double A, double B)[] figures =
        [
            ("AE", incremental.Ae, full.Ae), ("IM", incremental.Im, full.Im), ("MM", incremental.Mm, full.Mm),
            ("IMPositions", incremental.ImPositions, full.ImPositions), ("orderCosts", incremental.OrderCosts, full.OrderCosts),
            ("credit", incremental.CreditTotal, full.CreditTotal), ("excess", incremental.Excess, full.Excess),
        ];
        foreach (var (name, x, y) in figures)
        {
            if (!Close(x, y))
            {
                return $"{name}: incremental {x:R} vs full {y:R}";
            }
        }

        foreach (var (group, g) in full.Groups)
        {
            if (!incremental.Groups.TryGetValue(group, out var ga))
            {
                return $"group {group} missing in the incremental book";
            }

            if (!Close(ga.Figures.GroupIm, g.Figures.GroupIm) || !Close(ga.Figures.Delta, g.Figures.Delta) || !Close(ga.Figures.Som, g.Figures.Som))
            {
                return $"group {group}: incremental {ga.Figures} vs full {g.Figures}";
            }
        }

        // Exactly at a threshold the state may legitimately differ by rounding noise.
        return incremental.State == full.State || Math.Abs(incremental.Excess) < 1e-3 || Math.Abs(incremental.Health) < 1e-3
            ? null
            : $"state {incremental.State} vs {full.State}";
    }

    /// <summary>Equal up to 1e-6 absolute plus 1e-9 relative: the noise of summing doubles in another order.</summary>
    public static bool Close(double x, double y) => Math.Abs(x - y) <= 1e-6 + 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y));
}

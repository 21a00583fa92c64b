namespace Grid.Risk.Margin;

/// <summary>Rounding at the boundary (Rulebook §4 item 7): requirements up to the cent, equity down.</summary>
public static class Money
{
    /// <summary>
    /// Largest magnitude reported (9e18, inside the wire Decimal's int64 units). Real accounts are far
    /// below it; an absurd price can push a figure past it, and the figure is then reported at the bound
    /// (a requirement "at least", an equity "at most") rather than failing the answer.
    /// </summary>
    public const decimal Bound = 9_000_000_000_000_000_000m;

    /// <summary>A requirement rounded up to the cent.</summary>
    public static decimal Requirement(double value) => Round(value, up: true);

    /// <summary>An equity figure rounded down to the cent.</summary>
    public static decimal Equity(double value) => Round(value, up: false);

    private static decimal Round(double value, bool up)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "money must be finite");
        }

        if (Math.Abs(value) >= (double)Bound)
        {
            return value > 0 ? Bound : -Bound;
        }

        // Strip binary noise below 1e-9 of a cent so 0.1 + 0.2 does not round up to 0.31.
        var d = Math.Round((decimal)value, 9, MidpointRounding.ToEven) * 100m;
        return (up ? Math.Ceiling(d) : Math.Floor(d)) / 100m;
    }
}

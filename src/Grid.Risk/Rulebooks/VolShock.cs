namespace Grid.Risk.Rulebooks;

/// <summary>Implied-vol shock of a crypto group (Rulebook §3.3): m = (30/max(DTE, floor))^p.</summary>
/// <param name="Up">Relative vol-up shock.</param>
/// <param name="Down">Relative vol-down shock.</param>
/// <param name="MinUp">Floor of the shocked-up vol.</param>
/// <param name="PowerShort">Exponent p for expiries up to 30 days.</param>
/// <param name="PowerLong">Exponent p beyond 30 days.</param>
/// <param name="DteFloorDays">Floor of DTE in the multiplier.</param>
public sealed record VolShock(double Up, double Down, double MinUp, double PowerShort, double PowerLong, double DteFloorDays)
{
    /// <summary>The vol multiplier for an option with <paramref name="dteDays"/> days left.</summary>
    public double Multiplier(double dteDays)
    {
        var p = dteDays <= 30 ? PowerShort : PowerLong;
        return Math.Pow(30.0 / Math.Max(dteDays, DteFloorDays), p);
    }
}

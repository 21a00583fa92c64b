using Grid.Gateway.Validation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Conversion;

/// <summary>
/// grid.v1.Decimal and <see cref="decimal"/>: value = units + nanos / 1e9, both parts of one sign
/// (or zero) and nanos within ±999,999,999. Nine places are exact on the wire; the grid's own
/// figures are already rounded to the cent, so rounding past nine places never shows.
/// </summary>
internal static class WireDecimal
{
    private const int MaxNanos = 999_999_999;
    private const decimal NanosPerUnit = 1_000_000_000m;
    private const decimal WireMax = 9_223_372_036_854_775_807.999_999_999m;
    private const decimal WireMin = -9_223_372_036_854_775_808.999_999_999m;

    /// <summary>Reads a wire decimal; a malformed one is an INVALID_FIELD error naming <paramref name="field"/>.</summary>
    public static decimal ToDecimal(Wire.Decimal value, string field)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Nanos is > MaxNanos or < -MaxNanos)
        {
            throw InvalidFieldException.Invalid(field, $"nanos {value.Nanos} is outside [-999999999, 999999999]");
        }

        if ((value.Units > 0 && value.Nanos < 0) || (value.Units < 0 && value.Nanos > 0))
        {
            throw InvalidFieldException.Invalid(field, $"units {value.Units} and nanos {value.Nanos} have different signs");
        }

        return value.Units + (value.Nanos / NanosPerUnit);
    }

    /// <summary>
    /// Writes a decimal, rounded half away from zero to nine places; a value beyond what the wire holds
    /// (±9.2e18) is written at the wire's extreme, like the saturated figures of <see cref="Grid.Risk.Margin.Money"/>.
    /// </summary>
    public static Wire.Decimal From(decimal value) => Into(null, value);

    /// <summary>As <see cref="From(decimal)"/>, into <paramref name="reused"/> when there is one (a pooled reply's figure).</summary>
    public static Wire.Decimal Into(Wire.Decimal? reused, decimal value)
    {
        value = Math.Clamp(value, WireMin, WireMax);
        var rounded = decimal.Round(value, 9, MidpointRounding.AwayFromZero);
        var units = decimal.ToInt64(decimal.Truncate(rounded));
        var nanos = (int)((rounded - units) * NanosPerUnit);
        var wire = reused ?? new Wire.Decimal();
        wire.Units = units;
        wire.Nanos = nanos;
        return wire;
    }

    /// <summary>
    /// Writes a double figure (ratios, shocks, percentages), to fifteen significant digits; null for
    /// NaN, infinities and magnitudes beyond the wire range, which the contract leaves unset.
    /// </summary>
    public static Wire.Decimal? From(double value)
        => double.IsFinite(value) && Math.Abs(value) < 9e18 ? From((decimal)value) : null;
}

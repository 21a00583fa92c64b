namespace Grid.Risk.Stress;

/// <summary>
/// A sum of money that does not depend on the order of its terms, so partial sums from silos and
/// partitions merge into exactly the figure one pass would give. Each term is rounded once to a
/// fixed point of 2⁻³² USD (≈ 2.3e-10, far below the cent) and added as a 128-bit integer.
/// </summary>
public struct ExactSum : IEquatable<ExactSum>
{
    /// <summary>Fixed-point units per USD (2³²).</summary>
    public const double UnitsPerUsd = 4_294_967_296.0;

    private Int128 _units;

    /// <summary>A sum restored from its units (e.g. received from another silo).</summary>
    public ExactSum(long high, ulong low) => _units = ((Int128)high << 64) | low;

    /// <summary>High 64 bits of the units (for the wire).</summary>
    public readonly long High => (long)(_units >> 64);

    /// <summary>Low 64 bits of the units (for the wire).</summary>
    public readonly ulong Low => (ulong)(_units & ulong.MaxValue);

    /// <summary>The sum in USD.</summary>
    public readonly double Value => (double)_units / UnitsPerUsd;

    /// <summary>Adds one finite term.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The term is not finite.</exception>
    public void Add(double usd)
    {
        if (!double.IsFinite(usd))
        {
            throw new ArgumentOutOfRangeException(nameof(usd), usd, "a sum of money takes finite terms");
        }

        var scaled = Math.Round(usd * UnitsPerUsd);
        // Terms below 2^31 USD take the fast conversion; larger ones the exact 128-bit one.
        _units += Math.Abs(scaled) < 9.2e18 ? (long)scaled : (Int128)scaled;
    }

    /// <summary>Adds another sum (a merge).</summary>
    public void Add(in ExactSum other) => _units += other._units;

    /// <inheritdoc />
    public readonly bool Equals(ExactSum other) => _units == other._units;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is ExactSum other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => _units.GetHashCode();

    /// <inheritdoc />
    public override readonly string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Equality of the units.</summary>
    public static bool operator ==(ExactSum left, ExactSum right) => left.Equals(right);

    /// <summary>Inequality of the units.</summary>
    public static bool operator !=(ExactSum left, ExactSum right) => !left.Equals(right);
}

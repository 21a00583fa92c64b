using Google.Protobuf.WellKnownTypes;
using Grid.Gateway.Validation;

namespace Grid.Gateway.Conversion;

/// <summary>google.protobuf.Timestamp and Duration against <see cref="DateTimeOffset"/> and <see cref="TimeSpan"/>.</summary>
internal static class WireTime
{
    // The range Timestamp allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>An instant on the wire.</summary>
    public static Timestamp From(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    /// <summary>An instant on the wire, or unset for <c>default</c>, which the grain views use for "never".</summary>
    public static Timestamp? FromOptional(DateTimeOffset at) => at == default ? null : Timestamp.FromDateTimeOffset(at);

    /// <summary>Reads a required instant; missing or out of range is INVALID_FIELD naming <paramref name="field"/>.</summary>
    public static DateTimeOffset ToDateTimeOffset(Timestamp? value, string field)
    {
        if (value is null)
        {
            throw InvalidFieldException.Invalid(field, "is required");
        }

        if (value.Seconds is < MinSeconds or > MaxSeconds || value.Nanos is < 0 or > 999_999_999)
        {
            throw InvalidFieldException.Invalid(field, "is not a valid timestamp");
        }

        return value.ToDateTimeOffset();
    }

    /// <summary>How old an observation is at <paramref name="now"/>; zero for clocks running ahead.</summary>
    public static Duration Age(DateTimeOffset observed, DateTimeOffset now)
        => Duration.FromTimeSpan(now > observed ? now - observed : TimeSpan.Zero);
}

using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Grid.Cli.Text;

/// <summary>Instants and ages as the tables show them, always in UTC.</summary>
internal static class TimeText
{
    /// <summary>ISO 8601 UTC to the millisecond: "2026-11-25T08:00:00.000Z"; "-" when unset.</summary>
    public static string Instant(Timestamp? value) =>
        value is null ? DecimalText.Unset : Instant(value.ToDateTimeOffset());

    /// <summary>ISO 8601 UTC to the millisecond.</summary>
    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Time of day, UTC, for stream lines: "08:00:00.125Z"; "-" when unset.</summary>
    public static string TimeOfDay(Timestamp? value) =>
        value is null
            ? DecimalText.Unset
            : value.ToDateTime().ToString("HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A price age: "850ms", "12.4s", "3m05s", "2h10m"; "-" when unset.</summary>
    public static string Age(Duration? value)
    {
        if (value is null)
        {
            return DecimalText.Unset;
        }

        var age = value.ToTimeSpan();
        return age.TotalSeconds switch
        {
            < 1 => string.Create(CultureInfo.InvariantCulture, $"{age.TotalMilliseconds:0}ms"),
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{age.TotalSeconds:0.0}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes}m{age.Seconds:00}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h{age.Minutes:00}m"),
        };
    }
}

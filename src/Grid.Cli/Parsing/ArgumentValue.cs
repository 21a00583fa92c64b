using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Grid.Cli.Text;
using ProtoDecimal = Grid.Api.V1.Decimal;

namespace Grid.Cli.Parsing;

/// <summary>
/// Converts argument text into contract values. Every failure is a <see cref="UsageException"/>
/// naming the argument (e.g. "&lt;qty&gt;" or "--count") and the text given.
/// </summary>
internal static partial class ArgumentValue
{
    /// <summary>A number &gt; 0 with at most nine decimals, e.g. a quantity, price, amount or vol.</summary>
    public static ProtoDecimal Positive(string text, string argument)
    {
        var value = Number(text, argument);
        return value > 0m ? DecimalText.ToProto(value) : throw Bad(argument, text, "must be greater than zero");
    }

    /// <summary>Any exact number with at most nine decimals.</summary>
    public static decimal Number(string text, string argument) =>
        DecimalText.TryParse(text, out var value, out var error) ? value : throw Bad(argument, text, error);

    /// <summary>One value of a contract enum, by its readable name (see <see cref="EnumText"/>).</summary>
    public static T Choice<T>(string text, string argument)
        where T : struct, System.Enum =>
        EnumText.TryParse<T>(text, out var value) ? value : throw Bad(argument, text, $"expected {EnumText.Choices<T>()}");

    /// <summary>Values of a repeatable option, each possibly a comma-separated list: "ok,reduce-only".</summary>
    public static IReadOnlyList<T> Choices<T>(IEnumerable<string> texts, string argument)
        where T : struct, System.Enum =>
        texts.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries)).Select(t => Choice<T>(t, argument)).ToList();

    /// <summary>A whole number &gt; 0, e.g. a count or a limit.</summary>
    public static int Count(string text, string argument) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw Bad(argument, text, "expected a whole number greater than zero");

    /// <summary>
    /// An ISO 8601 instant with an explicit offset: "2026-12-25T08:00:00Z" or
    /// "2026-12-25T09:00:00+01:00". A bare date or local time is refused: forwards are keyed by the
    /// exact expiry instant, and a guessed time zone would silently miss.
    /// </summary>
    public static Timestamp Instant(string text, string argument)
    {
        if (!IsoInstant().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw Bad(argument, text, "expected an ISO 8601 instant such as 2026-12-25T08:00:00Z");
        }

        return Timestamp.FromDateTimeOffset(instant);
    }

    /// <summary>Text that must not be empty or blank, e.g. an id.</summary>
    public static string Text(string text, string argument) =>
        string.IsNullOrWhiteSpace(text) ? throw new UsageException($"{argument} must not be empty") : text;

    private static UsageException Bad(string argument, string text, string why) =>
        new($"bad {argument} '{text}': {why}");

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();
}

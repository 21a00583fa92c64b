using System.Globalization;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Grid.Cli.Text;

/// <summary>
/// Contract enums as people read and type them: the proto name without the enum's prefix
/// (REJECT_REASON_INSUFFICIENT_MARGIN prints as INSUFFICIENT_MARGIN, and "reduce-only" parses as
/// ACCOUNT_STATE_REDUCE_ONLY). The zero value (…_UNSPECIFIED) prints as "-".
/// </summary>
internal static class EnumText
{
    /// <summary>The readable name of <paramref name="value"/>; the number for a value this build does not know.</summary>
    public static string Format<T>(T value)
        where T : struct, Enum
    {
        if (Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0)
        {
            return DecimalText.Unset;
        }

        var name = Enum.GetName(value);
        return name is null
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : ShortName<T>(name);
    }

    /// <summary>
    /// Parses a readable name, case-insensitive, '-' or '_' between words; the zero value is never a
    /// match.
    /// </summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        var wanted = text.Replace('-', '_').ToUpperInvariant();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Convert.ToInt64(candidate, CultureInfo.InvariantCulture) != 0 && Format(candidate) == wanted)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The accepted spellings, lower case with dashes, for help and error messages: "ok|reduce-only".</summary>
    public static string Choices<T>()
        where T : struct, Enum
    {
        var names = Enum.GetValues<T>()
            .Where(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0)
            .Select(v => Format(v).ToLowerInvariant().Replace('_', '-'));
        return string.Join('|', names);
    }

    private static string ShortName<T>(string memberName)
        where T : struct, Enum
    {
        var original = ProtoName<T>(memberName);
        var prefix = ProtoName<T>(Enum.GetName(default(T)) ?? "")
            .Replace("UNSPECIFIED", "", StringComparison.Ordinal);
        return prefix.Length > 0 && original.StartsWith(prefix, StringComparison.Ordinal)
            ? original[prefix.Length..]
            : original;
    }

    private static string ProtoName<T>(string memberName) =>
        typeof(T).GetField(memberName)?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? memberName;
}

using System.Globalization;
using System.Text.RegularExpressions;
using ProtoDecimal = Grid.Api.V1.Decimal;

namespace Grid.Cli.Text;

/// <summary>
/// Exact conversions between user text, C# <see cref="decimal"/> and the wire <c>Decimal</c>
/// (units + nanos / 1e9). Input is strict: invariant culture, an optional minus sign, digits and
/// at most one point with up to nine decimals; no exponents, separators, NaN or infinity.
/// </summary>
internal static partial class DecimalText
{
    /// <summary>Decimal places the wire <c>Decimal</c> carries exactly.</summary>
    public const int MaxDecimals = 9;

    /// <summary>What a table shows for an unset figure.</summary>
    public const string Unset = "-";

    private const decimal NanosPerUnit = 1_000_000_000m;

    /// <summary>Parses <paramref name="text"/> exactly, or explains why it cannot.</summary>
    public static bool TryParse(string text, out decimal value, out string error)
    {
        value = 0m;
        var match = PlainNumber().Match(text);
        if (!match.Success)
        {
            error = "expected a plain decimal number such as 12.5 or 0.001";
            return false;
        }

        if (match.Groups["fraction"].Length > MaxDecimals)
        {
            error = $"at most {MaxDecimals} decimal places";
            return false;
        }

        if (match.Groups["whole"].Value.TrimStart('0').Length > 18)
        {
            error = "too large: at most 18 digits before the point";
            return false;
        }

        value = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        error = "";
        return true;
    }

    /// <summary>The wire form of <paramref name="value"/>, which must have at most nine decimals.</summary>
    public static ProtoDecimal ToProto(decimal value)
    {
        var units = decimal.Truncate(value);
        var nanos = (value - units) * NanosPerUnit;
        if (nanos != decimal.Truncate(nanos))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "more than nine decimal places");
        }

        return new ProtoDecimal { Units = (long)units, Nanos = (int)nanos };
    }

    /// <summary>The exact value of a wire <c>Decimal</c>.</summary>
    public static decimal FromProto(ProtoDecimal value) => value.Units + (value.Nanos / NanosPerUnit);

    /// <summary>Plain exact text for quantities and prices: "0.000000001", "-12.5", "60000".</summary>
    public static string Plain(decimal value) => value.ToString("0.#########", CultureInfo.InvariantCulture);

    /// <summary>Plain exact text of a wire value; "-" when unset.</summary>
    public static string Plain(ProtoDecimal? value) => value is null ? Unset : Plain(FromProto(value));

    /// <summary>Money: thousands separators, at least the cents, every further digit kept: "1,234.50".</summary>
    public static string Money(decimal value) => value.ToString("#,##0.00#######", CultureInfo.InvariantCulture);

    /// <summary>Money text of a wire value; "-" when unset.</summary>
    public static string Money(ProtoDecimal? value) => value is null ? Unset : Money(FromProto(value));

    /// <summary>A percentage figure as sent (37.5 means 37.5%): "37.5%".</summary>
    public static string Percent(ProtoDecimal? value) => value is null ? Unset : Plain(FromProto(value)) + "%";

    [GeneratedRegex(@"^-?(?<whole>[0-9]+)(\.(?<fraction>[0-9]+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}

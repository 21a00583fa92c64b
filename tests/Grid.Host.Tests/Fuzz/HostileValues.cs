namespace Grid.Host.Tests.Fuzz;

/// <summary>Values that break naive code: boundaries, huge and negative numbers, number-like and unicode strings.</summary>
internal static class HostileValues
{
    /// <summary>Strings: empty, blank, over every length limit, number-like, control, unicode, wildcards, injections.</summary>
    public static readonly string[] Strings =
    [
        "", " ", "  \t ", "\0", "a\0b", "\n", "\r\n", "\u001b[31m",
        "NaN", "nan", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "-0", "+0", "0", "-1", "1e400", "-1e400",
        "1e-400", "0x7fffffffffffffff", "9223372036854775808", "-9223372036854775809", "79228162514264337593543950336", "1,000.5", "١٢٣",
        "null", "undefined", "true", "{}", "[]", "{\"a\":", "%s%s%n", "{0}", "${jndi:ldap://x}", "' OR 1=1 --", "../../etc/passwd", "<script>",
        "*", "**", "?", "trader-*", "venue-b-*", "demo-*", "fz-*", "BTC-PERP ", " BTC-PERP", "btc-perp",
        "\u00e9\u0301", "\u200b", "\u200bfz-0", "\u202efz-0", "\ufeff", "\uffff", "\ufffd", "😀", "fz-😀", "\ud800", "\udc00x", "𝔘𝔫𝔦",
        "Ω≈ç√∫", "ｆｚ－０", "İstanbul", "ß", "العربية", "中文账户",
        new string('a', 128), new string('a', 129), new string('9', 300), new string('x', 1025), new string('é', 700),
        string.Concat(Enumerable.Repeat("😀", 65)), new string('z', 4096),
    ];

    /// <summary>Rare, very long strings (near and over the 64 KiB message cap once encoded).</summary>
    public static readonly string[] HugeStrings = [new string('h', 30_000), new string('h', 70_000), string.Concat(Enumerable.Repeat("€", 22_000))];

    /// <summary>(units, nanos) pairs: out-of-range nanos, mixed signs, the int64 edges, the 1e15 cap and just past it.</summary>
    public static readonly (long Units, int Nanos)[] Decimals =
    [
        (long.MaxValue, 0), (long.MinValue, 0), (long.MaxValue, 999_999_999), (long.MinValue, -999_999_999),
        (long.MaxValue, -1), (0, -1), (0, 2_000_000_000), (0, int.MaxValue), (0, int.MinValue), (1, 1_000_000_000), (1, -1), (-1, 1),
        (0, 0), (0, 1), (0, -0), (-1, 0), (-1, -999_999_999), (1_000_000_000_000_000, 0), (1_000_000_000_000_000, 1),
        (1_000_000_000_000_001, 0), (-1_000_000_000_000_000, 0), (999_999_999_999_999, 999_999_999), (4_294_967_296, 0),
        (9_007_199_254_740_993, 0), (79_228_162_514, 0), (long.MaxValue / 2, 500_000_000), (0, 999_999_999), (60_000, 999_999_999),
    ];

    public static readonly long[] Int64s = [0, 1, -1, long.MaxValue, long.MinValue, int.MaxValue, int.MinValue, 1L << 53, -(1L << 53), 4_294_967_296];

    public static readonly ulong[] UInt64s = [0, 1, ulong.MaxValue, ulong.MaxValue - 1, long.MaxValue, (ulong)long.MaxValue + 1, uint.MaxValue, 1UL << 53];

    public static readonly int[] Int32s = [0, 1, -1, int.MaxValue, int.MinValue, 1_000, 10_000, 10_001, short.MaxValue + 1];

    public static readonly uint[] UInt32s = [0, 1, uint.MaxValue, int.MaxValue, (uint)int.MaxValue + 1, 100, 101, 1_000, 1_001, 10_000, 10_001, 65_536];

    /// <summary>Enum numbers no grid.v1 enum defines (and the zero value, UNSPECIFIED).</summary>
    public static readonly int[] EnumNumbers = [0, -1, int.MaxValue, int.MinValue, 4, 5, 11, 12, 99, 999, 1_000, 1_006, 2_005, 5_003, 65_535];

    public static readonly double[] Doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.MaxValue, double.Epsilon, -1, 1e308];

    /// <summary>(seconds, nanos) of timestamps and durations: before year 1, after 9999, negative nanos, the epoch.</summary>
    public static readonly (long Seconds, int Nanos)[] Instants =
    [
        (long.MaxValue, 0), (long.MinValue, 0), (-62_135_596_801, 0), (-62_135_596_800, 0), (253_402_300_799, 999_999_999),
        (253_402_300_800, 0), (0, 0), (0, -1), (0, 1_000_000_000), (0, int.MaxValue), (-1, 0), (1, -1), (4_102_444_800, 0),
        (32_503_680_000, 0), (253_402_300_799, 0), (-2_208_988_800, 0),
    ];
}

using System.Globalization;
using Grid.Risk.Accounts;

namespace Grid.Risk.Supervision;

/// <summary>How the supervisory report writes its values: states by their wire names, numbers unrounded and round-trippable, ∞ as "inf".</summary>
internal static class ReportFormat
{
    public static string State(AccountState state) => state switch
    {
        AccountState.Ok => "OK",
        AccountState.ReduceOnly => "REDUCE_ONLY",
        AccountState.Liquidate => "LIQUIDATE",
        AccountState.Bankrupt => "BANKRUPT",
        _ => "UNKNOWN",
    };

    public static string Number(double value) => double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.</summary>
    public static string Csv(string field)
        => field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

namespace Grid.LoadTest.Chaos;

/// <summary>Time from the fault to each account's first accepted check, summed up over the accounts.</summary>
/// <param name="Accounts">Accounts traded.</param>
/// <param name="P50">Median over the accounts that recovered, in seconds (nearest rank).</param>
/// <param name="Max">The slowest account, in seconds; null when one never recovered.</param>
/// <param name="Never">Accounts with no accepted check after the fault.</param>
/// <param name="Slowest">The slowest account's id.</param>
public sealed record RecoverySummary(int Accounts, double? P50, double? Max, int Never, string? Slowest)
{
    /// <summary>Summarises seconds per account (null: never recovered).</summary>
    public static RecoverySummary Of(IReadOnlyDictionary<string, double?> seconds)
    {
        var recovered = seconds.Where(s => s.Value is not null).OrderBy(s => s.Value).ToList();
        var never = seconds.Count - recovered.Count;
        if (recovered.Count == 0)
        {
            return new RecoverySummary(seconds.Count, null, null, never, seconds.Keys.FirstOrDefault());
        }

        var median = recovered[(int)Math.Ceiling(recovered.Count * 0.5) - 1].Value;
        var slowest = never > 0 ? seconds.First(s => s.Value is null) : recovered[^1];
        return new RecoverySummary(seconds.Count, Round(median), never > 0 ? null : Round(recovered[^1].Value), never, slowest.Key);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}

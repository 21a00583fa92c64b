namespace Grid.Risk.Stress;

/// <summary>One account in a scenario's top list (Rulebook §5.3).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Ae">AE now.</param>
/// <param name="AeStressed">AE′ in the scenario.</param>
public readonly record struct StressedAccount(string AccountId, double Ae, double AeStressed)
{
    /// <summary>Stress P&amp;L = AE′ − AE.</summary>
    public double Pnl => AeStressed - Ae;

    /// <summary>Deficit max(0, −AE′).</summary>
    public double Deficit => Math.Max(0, -AeStressed);

    /// <summary>
    /// The §5.3 order: larger deficit first, then larger stress loss (lower P&amp;L), then account id
    /// (ordinal). Negative when <paramref name="a"/> ranks before <paramref name="b"/>.
    /// </summary>
    public static int Rank(StressedAccount a, StressedAccount b)
    {
        var c = b.Deficit.CompareTo(a.Deficit);
        if (c != 0)
        {
            return c;
        }

        c = a.Pnl.CompareTo(b.Pnl);
        return c != 0 ? c : string.CompareOrdinal(a.AccountId, b.AccountId);
    }
}

namespace Grid.Risk.Rulebooks;

/// <summary>One marginal bracket: applies <see cref="Rate"/> to the slice below <see cref="UpperBound"/>.</summary>
/// <param name="UpperBound">Upper end of the slice (positive infinity for the last).</param>
/// <param name="Rate">Ratio (haircut tiers: value kept) or charge rate (concentration brackets).</param>
public readonly record struct Tier(double UpperBound, double Rate)
{
    /// <summary>Σ over tiers of rate × the part of <paramref name="amount"/> inside each slice.</summary>
    public static double Marginal(ReadOnlySpan<Tier> tiers, double amount)
    {
        double total = 0, lower = 0;
        foreach (var tier in tiers)
        {
            if (amount <= lower)
            {
                break;
            }

            total += (Math.Min(amount, tier.UpperBound) - lower) * tier.Rate;
            lower = tier.UpperBound;
        }

        return total;
    }
}

using Grid.Risk.Rulebooks;

namespace Grid.Risk.Market;

/// <summary>
/// One asset compiled against a market: its price and, if its price moves with a group, its per-unit
/// scenario arrays (upside-only for long haircut-mode balances, both directions otherwise).
/// </summary>
public sealed class AssetRisk
{
    internal AssetRisk(int index, AssetRule rule, double price, int group, double[]? upside, double[]? full)
    {
        Index = index;
        Rule = rule;
        Price = price;
        Group = group;
        Upside = upside;
        Full = full;
    }

    /// <summary>Dense index in the model.</summary>
    public int Index { get; }

    /// <summary>The collateral rule.</summary>
    public AssetRule Rule { get; }

    /// <summary>USD price (1 for USD and stablecoins).</summary>
    public double Price { get; }

    /// <summary>Index of the group the balance enters, or −1.</summary>
    public int Group { get; }

    /// <summary>Per-unit PnL P·max(s, 0) per scenario, or null when the asset enters no scenarios.</summary>
    public double[]? Upside { get; }

    /// <summary>Per-unit PnL P·s per scenario, or null.</summary>
    public double[]? Full { get; }

    /// <summary>True when a balance of <paramref name="qty"/> enters its group in both directions
    /// (scenario mode, or a borrow: Rulebook §4 item 12).</summary>
    public bool BothWays(double qty) => Rule.Mode == CollateralMode.Scenario || qty < 0;

    /// <summary>Collateral value after haircuts (Rulebook §3.2): marginal tiers on a long balance;
    /// a borrow at 100% of its value; scenario mode at full mark.</summary>
    public double CollateralValue(double qty, bool fullValue)
    {
        if (qty <= 0 || fullValue)
        {
            return qty * Price;
        }

        return Rule.TiersInUsd
            ? Tier.Marginal(Rule.HaircutTiers, qty * Price)
            : Tier.Marginal(Rule.HaircutTiers, qty) * Price;
    }
}

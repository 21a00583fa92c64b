using Grid.Risk.Rulebooks;
using Grid.Risk.Scenarios;

namespace Grid.Risk.Market;

/// <summary>Prices the rulebook's assets and builds the scenario arrays of those that enter a group.</summary>
internal static class AssetCompiler
{
    public static AssetRisk[] Compile(Rulebook rulebook, MarketSnapshot market, Dictionary<string, int> groupIndex, ScenarioGrid[] grids)
    {
        var assets = new AssetRisk[rulebook.Assets.Count];
        var i = 0;
        foreach (var rule in rulebook.Assets.Values)
        {
            double price;
            if (rule.PricedAtPar)
            {
                price = 1;
            }
            else if (market.Index.TryGetValue(rule.Name, out var p))
            {
                price = double.IsFinite(p) && p > 0 ? p : throw new RiskInputException($"index.{rule.Name}", $"price {p} must be a positive number");
            }
            else
            {
                // Unpriced: usable only while nobody holds it (the evaluator refuses a balance of it).
                price = double.NaN;
            }

            var group = -1;
            double[]? up = null, full = null;
            if (!rule.IsCashLike && rule.OffsetGroup is not null && groupIndex.TryGetValue(rule.OffsetGroup, out var g)
                && rulebook.Groups[rule.OffsetGroup].Grid != GridKind.Span16 && !double.IsNaN(price))
            {
                group = g;
                var shocks = grids[g].Shocks;
                up = new double[shocks.Length];
                full = new double[shocks.Length];
                for (var j = 0; j < shocks.Length; j++)
                {
                    full[j] = price * shocks[j];
                    up[j] = price * Math.Max(shocks[j], 0);
                }
            }

            assets[i] = new AssetRisk(i, rule, price, group, up, full);
            i++;
        }

        return assets;
    }
}

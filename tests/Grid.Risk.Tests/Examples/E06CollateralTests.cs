using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>examples.md E6: collateral haircuts with non-USD collateral (marginal tiers, borrows at 100%).</summary>
public sealed class E06CollateralTests
{
    private static readonly Dictionary<string, double> Balances = new()
    {
        ["BTC"] = 15, ["ETH"] = 100, ["USDT"] = 20_000, ["USDC"] = -5_000,
    };

    [Fact]
    public void Collateral_PerAssetValues()
    {
        var r = Account(Crypto(), [], Balances).Evaluate();
        Near.Usd(873_000, r.Collateral["BTC"], "E6 BTC 10·60,000·0.98 + 5·60,000·0.95");
        Near.Usd(291_000, r.Collateral["ETH"], "E6 ETH 300,000·0.97");
        Near.Usd(19_800, r.Collateral["USDT"], "E6 USDT 20,000·0.99");
        Near.Usd(-5_000, r.Collateral["USDC"], "E6 USDC borrow, no haircut relief");
    }

    [Fact]
    public void Collateral_Ae_Is1178800_Raw1215000()
    {
        var r = Account(Crypto(), [], Balances).Evaluate();
        Near.Usd(1_178_800, r.Ae, "E6 AE");
        Near.Usd(1_215_000, r.RawCollateral, "E6 raw collateral");
    }

    [Fact]
    public void Collateral_55Btc_SliceAbove50CountsZero()
        => Near.Usd(2_688_000, Crypto().Asset("BTC").CollateralValue(55, fullValue: false), "E6 55 BTC under the tier table");

    [Fact]
    public void Collateral_Kraken_HalfBtcAt35000_FourPercent_Is16800()
    {
        var rb = Rulebook.Default;
        var kraken = rb with
        {
            Assets = new Dictionary<string, AssetRule>(rb.Assets)
            {
                ["BTC"] = rb.Assets["BTC"] with { HaircutTiers = [new Tier(double.PositiveInfinity, 0.96)] },
            },
        };
        var market = CryptoMarket() with { Index = new Dictionary<string, double> { ["BTC"] = 35_000, ["ETH"] = 3_000 } };
        var model = RiskModel.Build(kraken, [], market);
        Near.Usd(16_800, model.Asset("BTC").CollateralValue(0.5, fullValue: false), "E6 Kraken 0.5 BTC @ 35,000 at 4%");
    }
}

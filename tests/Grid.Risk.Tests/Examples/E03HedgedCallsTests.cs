using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Regimes;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>examples.md E3: short 10 × BTC 30d 66,000 calls, naked and hedged (perp, offset collateral, inverse).</summary>
public sealed class E03HedgedCallsTests
{
    private const int Minus16Up = 0;
    private const int Plus500Up = FirstExtended + 7;

    private static readonly Position ShortCalls = new(Call66K, -10);
    private static readonly Dictionary<string, double> TenBtc = new() { ["BTC"] = 10 };

    private static MarginReport Evaluate(Position[] positions, IReadOnlyDictionary<string, double>? balances = null,
        MarginRegime regime = MarginRegime.Pm, Rulebook? rulebook = null)
        => Account(Crypto(rulebook), positions, balances, regime: regime).Evaluate();

    [Fact]
    public void Call66000_Price_Is1658_799097()
        => Near.Rel(1_658.799097, Crypto().Instrument(Call66K).Mark, "E3 66,000 call price");

    [Fact]
    public void Naked_PmIm_Is81036_98_Som6000()
    {
        var r = Evaluate([ShortCalls]);
        var f = r.Groups["BTC"].Figures;
        Near.Usd(81_036.98, r.Im, "E3(a) naked PM IM");
        Near.Usd(6_000, f.Som, "E3(a) SOM (1%·10·60,000)");
        Assert.True(f.WorstScenario == Plus500Up, $"E3(a) worst scenario should be +500% vol-up (index {Plus500Up}), engine says {f.WorstScenario}");
    }

    [Fact]
    public void Naked_StdIm_Is76587_99()
        => Near.Usd(76_587.99, Evaluate([ShortCalls], regime: MarginRegime.Std).Im, "E3(a) rule-based IM 10·(0.10·60,000 + 1,658.80)");

    [Fact]
    public void WithLongPerp_PmIm_Is88013_57_AtMinus16VolUp()
    {
        var r = Evaluate([ShortCalls, new Position(Perp, 10, 60_000)]);
        var f = r.Groups["BTC"].Figures;
        Near.Usd(88_013.57, r.Im, "E3(b) PM IM, calls + perp in one group");
        Assert.True(f.WorstScenario == Minus16Up, $"E3(b) worst scenario should be −16% vol-up (index 0), engine says {f.WorstScenario}");
        var calls = -10 * Crypto().Instrument(Call66K).RiskArray[Minus16Up];
        Near.Usd(7_986.43, calls, "E3(b) calls' PnL at −16% vol-up");
        Near.Usd(-88_013.57, r.GroupsPositions["BTC"].ScenarioPnl[Minus16Up], "E3(b) group PnL at −16% vol-up (perp −96,000 + calls)");
    }

    [Fact]
    public void WithLongPerp_SiloedPm_Is177036_98()
    {
        var book = Account(Crypto(), [ShortCalls, new Position(Perp, 10, 60_000)]);
        Near.Usd(177_036.98, SiloedMargin.Compare(book).SiloedTotal, "E3(b) separate PM 81,036.98 + 96,000");
    }

    [Fact]
    public void WithLongPerp_StdIm_Is106587_99()
        => Near.Usd(106_587.99, Evaluate([ShortCalls, new Position(Perp, 10, 60_000)], regime: MarginRegime.Std).Im,
            "E3(b) rule-based IM 76,587.99 + 30,000");

    [Fact]
    public void WithSpotOffsetCollateral_PmIm_Is17443_78_AtZeroVolUp()
    {
        var r = Evaluate([ShortCalls], TenBtc);
        Near.Usd(17_443.78, r.Im, "E3(c) PM IM with 10 BTC as upside-only offset collateral");
        Assert.True(r.Groups["BTC"].Figures.WorstScenario == 12, $"E3(c) worst scenario should be 0% vol-up (index 12), engine says {r.Groups["BTC"].Figures.WorstScenario}");
        Near.Usd(600_000 - 12_000, r.Collateral["BTC"], "E3(c) spot haircut 2%·600,000 in AE");
    }

    [Fact]
    public void WithSpotOffsetCollateral_SelectedRows_MatchTable()
    {
        var pnl = Evaluate([ShortCalls], TenBtc).GroupsPositions["BTC"].ScenarioPnl;
        // Index = 3·(shock step + 4) + vol (0 up, 1 same, 2 down).
        (int Row, double Pnl, string Name)[] rows =
        [
            (9, -8_906.82, "−4% up"), (10, 6_170.06, "−4% same"), (11, 12_075.17, "−4% down"),
            (12, -17_443.78, "0% up"), (14, 7_744.62, "0% down"), (15, -3_531.94, "+4% up"), (24, 29_167.71, "+16% up"),
        ];
        foreach (var (row, expected, name) in rows)
        {
            Near.Usd(expected, pnl[row], $"E3(c) row {name}");
        }
    }

    [Fact]
    public void WithSpotInScenariosBothWays_PmIm_Is88013_57()
    {
        var rb = Rulebook.Default;
        var scenarioBtc = rb with
        {
            Assets = new Dictionary<string, AssetRule>(rb.Assets) { ["BTC"] = rb.Assets["BTC"] with { Mode = CollateralMode.Scenario } },
        };
        var r = Evaluate([ShortCalls], TenBtc, rulebook: scenarioBtc);
        Near.Usd(88_013.57, r.Im, "E3(c′) PM IM with the spot fully in scenarios");
        Assert.True(r.Groups["BTC"].Figures.WorstScenario == Minus16Up, $"E3(c′) worst scenario should be −16% vol-up, engine says {r.Groups["BTC"].Figures.WorstScenario}");
    }

    [Fact]
    public void ShortInversePerpWithCoin_PmIm_IsZero()
    {
        // Short $600k inverse perp + 10 BTC collateral: synthetic USD.
        var r = Evaluate([new Position(InversePerp, -600_000 / InverseFace, 60_000)], TenBtc);
        var pnl = r.GroupsPositions["BTC"].ScenarioPnl;
        var model = Crypto();
        Assert.True(model.TryGetGroup("BTC", out var g), "BTC group");
        var shocks = model.Groups[g].Grid.Shocks;
        for (var j = 0; j < pnl.Length; j++)
        {
            if (shocks[j] >= 0)
            {
                Near.Usd(0, pnl[j], $"E3 inverse check: row {j} (shock {shocks[j]:P0}) should be 0");
            }
        }

        Near.Usd(96_000, pnl[Minus16Up], "E3 inverse check: gain at −16%");
        Near.Usd(0, r.Im, "E3 inverse check: IM");
    }
}

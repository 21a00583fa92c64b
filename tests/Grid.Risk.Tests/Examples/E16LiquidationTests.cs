using Grid.Risk.Accounts;
using static Grid.Risk.Tests.Examples.ExampleMarket;

namespace Grid.Risk.Tests.Examples;

/// <summary>
/// examples.md E16: the E4 calendar plus 10,000 USD cash (haircut 0, rulebook §4 item 4); the Dec future then
/// drops 500 to 61,000 with the perp unchanged. (The Binance uniMMR ladder is for comparison only.)
/// </summary>
public sealed class E16LiquidationTests
{
    private static AccountBook Book() => Account(
        Crypto(),
        [new Position(Dec, 10, 61_500), new Position(Perp, -10, 60_000)],
        new Dictionary<string, double> { ["USD"] = 10_000 });

    private static AccountBook AfterDrop()
    {
        var book = Book();
        book.Rebuild(Crypto(decMark: 61_000));
        return book;
    }

    [Fact]
    public void Start_Ae10000_Im8400_Mm6720_Ok()
    {
        var r = Book().Evaluate();
        Near.Usd(10_000, r.Ae, "E16 start AE");
        Near.Usd(8_400, r.Im, "E16 start IM");
        Near.Usd(6_720, r.Mm, "E16 start MM");
        Near.Usd(3_280, r.Health, "E16 start health");
        Assert.True(r.State == AccountState.Ok, $"E16 start state should be OK, engine says {r.State}");
    }

    [Fact]
    public void DecDrops500_Ae5000_Im7600_Mm6080_Liquidate()
    {
        var r = AfterDrop().Evaluate();
        Near.Usd(5_000, r.Ae, "E16 AE after uPnL −5,000");
        Near.Usd(10_000, r.Groups["BTC"].Figures.Delta, "E16 net Δ");
        Near.Usd(1_600, r.Groups["BTC"].Figures.Scan, "E16 scan");
        Near.Usd(6_000, r.Groups["BTC"].Figures.Basis, "E16 basis");
        Near.Usd(7_600, r.Im, "E16 IM");
        Near.Usd(6_080, r.Mm, "E16 MM");
        Assert.True(r.State == AccountState.Liquidate, $"E16 AE 5,000 < MM 6,080 should be LIQUIDATE, engine says {r.State}");
    }

    [Fact]
    public void Liquidation_EndsAtNinetyPercentOfIm_6840()
    {
        var book = AfterDrop();
        book.PreviousState = AccountState.Liquidate;
        Near.Usd(6_840, book.Evaluate().LiquidationEnd, "E16 liquidation end 0.9·7,600");

        book.Deposit("USD", 1_500); // AE 6,500: above MM 6,080 but below 6,840.
        var still = book.Evaluate();
        Assert.True(still.State == AccountState.Liquidate, $"E16 AE 6,500 < 6,840 after LIQUIDATE should stay LIQUIDATE, engine says {still.State}");

        book.Deposit("USD", 400); // AE 6,900 ≥ 6,840, still below IM 7,600.
        var ended = book.Evaluate();
        Assert.True(ended.State == AccountState.ReduceOnly, $"E16 AE 6,900 ≥ 6,840 should end the liquidation (REDUCE_ONLY), engine says {ended.State}");
    }
}

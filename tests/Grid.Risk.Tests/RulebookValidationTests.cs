using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests;

/// <summary>The rulebook is data: the default loads, and an inconsistent one is refused naming the field.</summary>
public sealed class RulebookValidationTests
{
    private static readonly string DefaultJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "default-rulebook.json"));

    [Fact]
    public void Default_Loads_WithSection39Parameters()
    {
        var rb = Rulebook.Default;
        Assert.Equal(0.16, rb.Groups["BTC"].Range);
        Assert.Equal(4, rb.Groups["BTC"].Steps);
        Assert.Equal(0.20, rb.Groups["ETH"].Range);
        Assert.Equal(0.8, rb.MmFraction);
        Assert.Equal(0.9, rb.LiqEndFraction);
        Assert.Equal(0.0005, rb.TakerFeeReserve);
        Assert.Equal(0.01, rb.MaxFeeRate);
        Assert.Equal("SPX", rb.Assets["SPY"].OffsetGroup);
        Assert.Equal(CollateralMode.Scenario, rb.Assets["AAPL"].Mode);
        Assert.Equal(0.99, rb.Assets["USDC"].HaircutTiers[0].Rate);
        Assert.Equal(("BTC", "ETH", 0.5), (rb.Credits[0].GroupA, rb.Credits[0].GroupB, rb.Credits[0].Rate));
        Assert.Equal(GridKind.Finra, rb.Groups["NDX"].Grid);
    }

    [Theory]
    [InlineData("\"offsetGroup\": \"BTC\"", "\"offsetGroup\": \"NOPE\"", "assets.BTC.offsetGroup")]
    [InlineData("\"range\": 0.16", "\"range\": -0.16", "groups.BTC.range")]
    [InlineData("[\n          20.0,\n          0.95\n        ]", "[\n          5.0,\n          0.95\n        ]", "assets.BTC.imTiers[1][0]")]
    [InlineData("\"rate\": 0.5", "\"rate\": 1.5", "credits[0].rate")]
    [InlineData("\"liqEndFraction\": 0.9", "\"liqEndFraction\": 1.9", "liqEndFraction")]
    [InlineData("\"grid\": \"finra\"", "\"grid\": \"spiral\"", "groups.SPX.grid")]
    [InlineData("\"takerReserve\": 0.0005", "\"takerReserve\": \"lots\"", "fees.takerReserve")]
    [InlineData("\"maxRate\": 0.01", "\"maxRate\": -0.01", "fees.maxRate")]
    [InlineData("\"maxRate\": 0.01", "\"maxRate\": 1.5", "fees.maxRate")]
    [InlineData("\"version\": \"2026-11-25.1\",", "", "version")]
    public void Parse_InconsistentRulebook_NamesTheField(string from, string to, string field)
    {
        Assert.Contains(from, DefaultJson);
        var broken = ReplaceFirst(DefaultJson, from, to);
        var e = Assert.Throws<RulebookException>(() => RulebookReader.Parse(broken));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Parse_NotJson_IsRefused()
    {
        var e = Assert.Throws<RulebookException>(() => RulebookReader.Parse("{ not json"));
        Assert.Equal("$", e.Field);
    }

    [Fact]
    public void Parse_ChangedParameter_TakesEffectWithoutRebuild()
    {
        var rb = RulebookReader.Parse(ReplaceFirst(DefaultJson, "\"range\": 0.16", "\"range\": 0.20"));
        var model = Market.RiskModel.Build(rb, [TestMarket.Perp], TestMarket.Market());
        var book = Accounts.AccountBook.Create(model, new Accounts.Portfolio { Positions = [new Accounts.Position("BTC-PERP", 10, 60_000)] });
        Assert.Equal(10 * 60_000 * 0.20, book.Evaluate().ImPositions, 6);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var i = text.IndexOf(from, StringComparison.Ordinal);
        return text[..i] + to + text[(i + from.Length)..];
    }
}

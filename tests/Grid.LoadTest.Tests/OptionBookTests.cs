using Grid.Api.V1;
using Grid.LoadTest.Market;

namespace Grid.LoadTest.Tests;

/// <summary>The market makers' book: 200 options over two expiries and 50 strikes, on the grid's own expiries when it has some.</summary>
public sealed class OptionBookTests
{
    private static readonly DateTimeOffset Now = TestMarket.Now;

    [Fact]
    public void Specs_Are200DistinctBtcOptions_CallsAndPutsOnEveryStrikeOfTwoExpiries()
    {
        var expiries = OptionBook.Expiries([], Now);

        var specs = OptionBook.Specs(expiries, 60_000);

        Assert.Equal(200, specs.Count);
        Assert.Equal(200, specs.Select(s => s.Id).Distinct().Count());
        Assert.All(specs, s => Assert.Equal((InstrumentKind.Option, "BTC", "BTC", "USDC"), (s.Kind, s.Underlying, s.Group, s.Settlement)));
        Assert.Equal(2, specs.Select(s => s.Expiry).Distinct().Count());
        Assert.Equal(50, specs.Select(s => s.Strike.Units).Distinct().Count());
        Assert.Equal(100, specs.Count(s => s.OptionType == OptionType.Call));
        Assert.Equal("BTC-270104-40000-C", specs[0].Id);
        Assert.Equal("BTC-270104-40000-P", specs[1].Id);
    }

    [Fact]
    public void Strikes_SpanFromDeepInToFarOutOfTheMoney()
    {
        var strikes = OptionBook.StrikesAround(60_000);

        Assert.Equal(50, strikes.Count);
        Assert.Equal(40_000m, strikes[0]);
        Assert.Equal(800m, strikes[1] - strikes[0]);
        Assert.True(strikes[^1] > 60_000m * 1.3m);
    }

    [Fact]
    public void Strikes_OfACheapUnderlying_ArePositive()
        => Assert.All(OptionBook.StrikesAround(90), k => Assert.True(k >= 100m));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-60_000.0)]
    [InlineData(double.NaN)]
    public void BadReference_IsRefused(double reference)
        => Assert.Throws<ArgumentOutOfRangeException>(() => OptionBook.StrikesAround(reference));

    [Fact]
    public void Expiries_WithoutListedOptions_Are30And91DaysOutAt8Utc()
    {
        var expiries = OptionBook.Expiries([], Now);

        Assert.Equal([new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 6, 8, 0, 0, TimeSpan.Zero)], expiries);
    }

    [Fact]
    public void Expiries_ReuseTheTwoMostListed_MoreThanAWeekOut()
    {
        var soon = Now.AddDays(3);
        var a = Now.AddDays(20);
        var b = Now.AddDays(50);
        var c = Now.AddDays(80);

        var expiries = OptionBook.Expiries([soon, soon, soon, c, a, a, b, b, b], Now);

        Assert.Equal([a, b], expiries);
    }

    [Fact]
    public void Expiries_WithOneListed_AddOneOfTheDefaults()
    {
        var listed = Now.AddDays(40);

        var expiries = OptionBook.Expiries([listed], Now);

        Assert.Equal(2, expiries.Count);
        Assert.Contains(listed, expiries);
        Assert.Equal(expiries.Order(), expiries);
    }
}
